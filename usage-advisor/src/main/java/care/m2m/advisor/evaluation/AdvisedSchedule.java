package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.Placement;
import care.m2m.advisor.shifting.SlotPrices;
import care.m2m.advisor.shifting.StartPlanner;
import java.util.List;

/**
 * What happens when the customer follows the advisor: cycle by cycle in time order, at the moment the cycle
 * was recorded to start, the advisor picks the cheapest start using only prices published by then, and
 * knowing only the cycles already placed (not the ones still to come). This is the live advice
 * ({@link StartPlanner}), not a copy of it.
 */
final class AdvisedSchedule {

    private AdvisedSchedule() {
    }

    static Schedule plan(List<FlexibleCycle> cycles, SlotPrices prices, double slotCapacityWh, int slots) {
        Occupancy occupancy = new Occupancy(slots, slotCapacityWh);
        int[] starts = new int[cycles.size()];
        for (FlexibleCycle cycle : cycles) {
            int start = StartPlanner.cheapest(cycle.profile(), cycle.start(), cycle.deadline(), cycle.start(), prices,
                            occupancy)
                    .map(Placement::start)
                    .orElse(cycle.start());
            occupancy.place(cycle.profile(), start);
            starts[cycle.id()] = start;
        }
        return new Schedule(cycles, starts);
    }
}
