package care.m2m.advisor.evaluation;

import java.util.List;

/**
 * Branch and bound for one group of interacting cycles, branching only where cycles conflict. At each node
 * every unplaced cycle takes its cheapest start that fits beside the placed ones; the sum is a lower bound.
 * If those starts also fit together, the bound is reached and the node is solved without branching;
 * otherwise the search branches over every start of the first cycle that did not fit. Equal-cost starts of
 * cycles that never conflict are thus never enumerated, which keeps the exhaustive search small.
 */
final class GroupSearch {

    static final long NODE_LIMIT = 50_000_000L;
    private static final double EPSILON_EUR = 1e-12;

    private final List<FlexibleCycle> group;
    private final int[][] candidates;
    private final double[][] costs;
    private final Occupancy occupancy;
    private final CapacityBound pooled;
    private final int[] best;
    private final int[] chosen;
    private final boolean[] placed;
    private double incumbent;
    private long nodes;

    GroupSearch(List<FlexibleCycle> group, int[][] candidates, double[][] costs, Occupancy occupancy,
                CapacityBound pooled, double incumbent, int[] best) {
        this.group = group;
        this.candidates = candidates;
        this.costs = costs;
        this.occupancy = occupancy;
        this.pooled = pooled;
        this.incumbent = incumbent;
        this.best = best;
        this.chosen = new int[group.size()];
        this.placed = new boolean[group.size()];
    }

    void run() {
        double energy = group.stream().mapToDouble(c -> c.profile().totalWattHours()).sum();
        search(0, energy);
    }

    private void search(double partial, double unplacedWh) {
        if (++nodes > NODE_LIMIT) {
            throw new IllegalStateException("exact optimum not proven: a group of " + group.size()
                    + " cycles needs more than " + NODE_LIMIT + " search nodes");
        }
        int n = group.size();
        int[] pick = new int[n];
        double bound = 0;
        for (int i = 0; i < n; i++) {
            if (!placed[i]) {
                pick[i] = cheapestFitting(i);
                if (pick[i] < 0) {
                    return;
                }
                bound += costs[i][pick[i]];
            }
        }
        if (partial + bound >= incumbent - EPSILON_EUR || partial + pooled.of(unplacedWh) >= incumbent - EPSILON_EUR) {
            return;
        }
        int conflict = placeTogether(pick);
        if (conflict < 0) {
            incumbent = partial + bound;
            for (int i = 0; i < n; i++) {
                best[group.get(i).id()] = placed[i] ? chosen[i] : candidates[i][pick[i]];
            }
            return;
        }
        FlexibleCycle cycle = group.get(conflict);
        double others = bound - costs[conflict][pick[conflict]];
        placed[conflict] = true;
        for (int c = pick[conflict]; c < candidates[conflict].length; c++) {
            double cost = partial + costs[conflict][c];
            if (cost + others >= incumbent - EPSILON_EUR) {
                break;
            }
            int start = candidates[conflict][c];
            if (occupancy.fits(cycle.profile(), start)) {
                occupancy.place(cycle.profile(), start);
                chosen[conflict] = start;
                search(cost, unplacedWh - cycle.profile().totalWattHours());
                occupancy.remove(cycle.profile(), start);
            }
        }
        placed[conflict] = false;
    }

    /** Index of the cheapest candidate of cycle {@code i} that fits now; -1 if none. */
    private int cheapestFitting(int i) {
        for (int c = 0; c < candidates[i].length; c++) {
            if (occupancy.fits(group.get(i).profile(), candidates[i][c])) {
                return c;
            }
        }
        return -1;
    }

    /** Tries the picks together; returns the first unplaced cycle that does not fit, or -1 if all do. */
    private int placeTogether(int[] pick) {
        int conflict = -1;
        int last = -1;
        for (int i = 0; i < group.size() && conflict < 0; i++) {
            if (!placed[i]) {
                if (occupancy.fits(group.get(i).profile(), candidates[i][pick[i]])) {
                    occupancy.place(group.get(i).profile(), candidates[i][pick[i]]);
                    last = i;
                } else {
                    conflict = i;
                }
            }
        }
        for (int i = 0; i <= last; i++) {
            if (!placed[i]) {
                occupancy.remove(group.get(i).profile(), candidates[i][pick[i]]);
            }
        }
        return conflict;
    }
}
