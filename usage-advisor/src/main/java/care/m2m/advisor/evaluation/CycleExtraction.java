package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.LoadProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the flexible cycles in recorded 10-minute readings under {@link ShiftingRules}. Only recorded slots
 * carry energy: a slot missing from the sample is not invented, so the shifted energy is what was measured.
 */
public final class CycleExtraction {

    private CycleExtraction() {
    }

    /** What the extraction found: the flexible cycles and the runs too powerful to move. */
    public record Result(List<FlexibleCycle> cycles, int tooPowerful, double tooPowerfulWh) {
    }

    public static Result extract(List<Reading> readings, SlotGrid grid, ShiftingRules rules) {
        List<FlexibleCycle> cycles = new ArrayList<>();
        List<int[]> run = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        int tooPowerful = 0;
        double tooPowerfulWh = 0;
        for (int i = 0; i <= readings.size(); i++) {
            Reading reading = i < readings.size() ? readings.get(i) : null;
            int slot = reading == null ? Integer.MAX_VALUE : grid.slotOf(reading.start());
            boolean high = reading != null && reading.wattHours() >= rules.thresholdWh();
            boolean continues = high && !run.isEmpty() && slot - run.getLast()[0] <= rules.maxGapSlots();
            if (!run.isEmpty() && (!high || !continues)) {
                LoadProfile profile = profile(run, energy);
                if (profile.peakWattHours() > rules.slotCapacityWh()) {
                    tooPowerful++;
                    tooPowerfulWh += profile.totalWattHours();
                } else {
                    int start = run.getFirst()[0];
                    int deadline = start + profile.lengthSlots() + rules.flexHours() * ShiftingRules.SLOTS_PER_HOUR;
                    cycles.add(new FlexibleCycle(cycles.size(), start, profile, deadline));
                }
                run.clear();
                energy.clear();
            }
            if (high) {
                run.add(new int[] {slot});
                energy.add(reading.wattHours() - rules.baseWh());
            }
        }
        return new Result(List.copyOf(cycles), tooPowerful, tooPowerfulWh);
    }

    private static LoadProfile profile(List<int[]> run, List<Double> energy) {
        int first = run.getFirst()[0];
        int[] offsets = run.stream().mapToInt(s -> s[0] - first).toArray();
        double[] wattHours = energy.stream().mapToDouble(Double::doubleValue).toArray();
        return LoadProfile.of(offsets, wattHours);
    }
}
