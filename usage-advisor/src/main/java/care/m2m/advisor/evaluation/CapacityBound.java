package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.SlotPrices;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A lower bound on what the not yet placed cycles of a group must cost when they compete for the same cheap
 * hours: their energy, split freely, poured into the cheapest free capacity of the group's whole window.
 * Every real placement is one such pouring, so the bound never overestimates.
 */
final class CapacityBound {

    private final SlotPrices prices;
    private final Occupancy occupancy;
    private final int[] cheapestFirst;

    CapacityBound(List<FlexibleCycle> group, SlotPrices prices, Occupancy occupancy) {
        this.prices = prices;
        this.occupancy = occupancy;
        int from = group.stream().mapToInt(FlexibleCycle::start).min().orElse(0);
        int to = group.stream().mapToInt(FlexibleCycle::deadline).max().orElse(0);
        this.cheapestFirst = IntStream.range(from, to)
                .filter(slot -> !Double.isNaN(prices.price(slot)))
                .boxed()
                .sorted(Comparator.comparingDouble(prices::price))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The bound for this much unplaced energy; infinite if it cannot fit at all. */
    double of(double unplacedWh) {
        double left = unplacedWh;
        double eur = 0;
        for (int slot : cheapestFirst) {
            if (left <= 1e-9) {
                return eur;
            }
            double take = Math.min(left, occupancy.freeWh(slot));
            eur += take / 1000.0 * prices.price(slot);
            left -= take;
        }
        return left <= 1e-9 ? eur : Double.POSITIVE_INFINITY;
    }
}
