package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.SlotPrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A start slot for every cycle, with checks of the stated constraints; the three schedules the evaluation
 * compares are all of this type so that one check holds them to the same rules.
 */
public final class Schedule {

    private final List<FlexibleCycle> cycles;
    private final int[] starts;

    Schedule(List<FlexibleCycle> cycles, int[] starts) {
        this.cycles = List.copyOf(cycles);
        this.starts = starts.clone();
    }

    /** Every cycle where it was recorded. */
    static Schedule recorded(List<FlexibleCycle> cycles) {
        return new Schedule(cycles, cycles.stream().mapToInt(FlexibleCycle::start).toArray());
    }

    public int start(int cycle) {
        return starts[cycle];
    }

    public double costEur(SlotPrices prices) {
        double eur = 0;
        for (int i = 0; i < starts.length; i++) {
            eur += cycles.get(i).profile().cost(prices, starts[i]);
        }
        return eur;
    }

    /** Energy of the cycles that do not run at their recorded start. */
    public double shiftedWh() {
        double wh = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] != cycles.get(i).start()) {
                wh += cycles.get(i).profile().totalWattHours();
            }
        }
        return wh;
    }

    /** Everything that breaks the rules: a start outside its window or a slot above the limit; empty if none. */
    public List<String> violations(double slotCapacityWh, int slots) {
        List<String> out = new ArrayList<>();
        double[] used = new double[slots];
        for (int i = 0; i < starts.length; i++) {
            FlexibleCycle cycle = cycles.get(i);
            if (starts[i] < cycle.start() || starts[i] > cycle.latestStart()) {
                out.add("cycle " + i + ": expected a start in [" + cycle.start() + ", " + cycle.latestStart()
                        + "], got " + starts[i]);
                continue;
            }
            for (int p = 0; p < cycle.profile().parts(); p++) {
                used[starts[i] + cycle.profile().offset(p)] += cycle.profile().wattHours(p);
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            if (used[slot] > slotCapacityWh + 1e-6) {
                out.add("slot " + slot + ": expected at most " + slotCapacityWh + " Wh, got " + used[slot]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Schedule" + Arrays.toString(starts);
    }
}
