package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.SlotPrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The perfect-foresight optimum under the same rules, computed exactly: cycles interact only through the
 * power limit, and only when their windows overlap, so the cycles are split into groups of overlapping
 * windows and each group is solved by exhaustive branch and bound over every feasible start slot. Two lower
 * bounds, the larger of which prunes: each remaining cycle at its cheapest start that fits beside the cycles
 * placed so far (ignoring each other), and all remaining energy poured, divisibly, into the cheapest free
 * capacity of the group's window (ignoring shapes and windows). Neither overestimates, so pruning keeps
 * exactness. The
 * advised schedule is the first incumbent when it keeps the rules. If a group needs more than {@link GroupSearch#NODE_LIMIT} search
 * nodes the result could not be proven and the evaluation fails rather than report a guess.
 */
final class ExactOptimum {


    private final List<FlexibleCycle> cycles;
    private final SlotPrices prices;
    private final Occupancy occupancy;
    private final int[] best;

    private ExactOptimum(List<FlexibleCycle> cycles, SlotPrices prices, Occupancy occupancy, Schedule incumbent) {
        this.cycles = cycles;
        this.prices = prices;
        this.occupancy = occupancy;
        this.best = new int[cycles.size()];
        Arrays.setAll(best, incumbent::start);
    }

    static Schedule solve(List<FlexibleCycle> cycles, SlotPrices prices, double slotCapacityWh, int slots,
                          Schedule incumbent) {
        ExactOptimum search = new ExactOptimum(cycles, prices, new Occupancy(slots, slotCapacityWh), incumbent);
        for (List<FlexibleCycle> group : groups(cycles)) {
            search.solveGroup(group);
        }
        return new Schedule(cycles, search.best);
    }

    /** Cycles whose windows overlap, transitively, in time order. */
    static List<List<FlexibleCycle>> groups(List<FlexibleCycle> cycles) {
        List<List<FlexibleCycle>> groups = new ArrayList<>();
        List<FlexibleCycle> current = new ArrayList<>();
        int reach = Integer.MIN_VALUE;
        for (FlexibleCycle cycle : cycles.stream().sorted(Comparator.comparingInt(FlexibleCycle::start)).toList()) {
            if (!current.isEmpty() && cycle.start() >= reach) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(cycle);
            reach = Math.max(reach, cycle.deadline());
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private void solveGroup(List<FlexibleCycle> group) {
        int n = group.size();
        int[][] candidates = new int[n][];
        double[][] costs = new double[n][];
        for (int i = 0; i < n; i++) {
            FlexibleCycle cycle = group.get(i);
            List<double[]> options = new ArrayList<>();
            for (int start = cycle.start(); start <= cycle.latestStart(); start++) {
                double cost = cycle.profile().cost(prices, start);
                if (!Double.isNaN(cost)) {
                    options.add(new double[] {cost, start});
                }
            }
            options.sort(Comparator.<double[]>comparingDouble(o -> o[0]).thenComparingDouble(o -> o[1]));
            candidates[i] = options.stream().mapToInt(o -> (int) o[1]).toArray();
            costs[i] = options.stream().mapToDouble(o -> o[0]).toArray();
        }
        double incumbent = 0;
        boolean feasible = true;
        for (FlexibleCycle cycle : group) {
            int start = best[cycle.id()];
            feasible &= start >= cycle.start() && start <= cycle.latestStart() && occupancy.fits(cycle.profile(), start);
            occupancy.place(cycle.profile(), start);
            incumbent += cycle.profile().cost(prices, start);
        }
        for (FlexibleCycle cycle : group) {
            occupancy.remove(cycle.profile(), best[cycle.id()]);
        }
        if (!feasible) {
            incumbent = Double.POSITIVE_INFINITY;
        }
        new GroupSearch(group, candidates, costs, occupancy, new CapacityBound(group, prices, occupancy), incumbent,
                best).run();
    }
}
