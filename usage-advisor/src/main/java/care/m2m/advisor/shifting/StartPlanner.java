package care.m2m.advisor.shifting;

import java.util.Optional;

/**
 * The advice itself: the cheapest start of a load block between its original start and its deadline, among
 * starts whose every slot has a price that is already published at the decision slot. Ties go to the earliest
 * start, so the customer waits no longer than it pays off.
 */
public final class StartPlanner {

    private static final double EPSILON_EUR = 1e-12;

    private StartPlanner() {
    }

    /**
     * Plans one block.
     *
     * @param profile the load
     * @param earliestStart the first allowed start slot (the original start: the customer cannot go back)
     * @param deadline the slot by whose start the block must have finished (exclusive end)
     * @param decisionSlot when the advice is given; only prices known then are used
     * @param prices the tariff on the slot grid
     * @param capacity what else may not be exceeded
     * @return the best placement, or empty when no start in the window is known and fits
     */
    public static Optional<Placement> cheapest(LoadProfile profile, int earliestStart, int deadline, int decisionSlot,
                                               SlotPrices prices, SlotCapacity capacity) {
        int knownEnd = Math.min(deadline, prices.knownUntil(decisionSlot));
        int latestStart = knownEnd - profile.lengthSlots();
        Placement best = null;
        for (int start = earliestStart; start <= latestStart; start++) {
            double cost = profile.cost(prices, start);
            if (!Double.isNaN(cost) && (best == null || cost < best.costEur() - EPSILON_EUR)
                    && capacity.fits(profile, start)) {
                best = new Placement(start, cost);
            }
        }
        return Optional.ofNullable(best);
    }
}
