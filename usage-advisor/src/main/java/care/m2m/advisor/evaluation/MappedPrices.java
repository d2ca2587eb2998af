package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.SlotPrices;
import care.m2m.advisor.tariff.PriceSeries;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The price year seen on the house's slot grid: slot {@code i} is the house's wall-clock time moved by the
 * {@link YearMapping}, read as Brussels local time (a wall-clock time skipped by the spring clock change
 * takes the hour after it; one repeated in autumn takes its first occurrence), and priced at that instant.
 * What is known at a slot follows the day-ahead publication rule of the price series. Precomputed: the
 * exact search asks for prices millions of times.
 */
public final class MappedPrices implements SlotPrices {

    private final double[] price;
    private final int[] knownUntil;

    private MappedPrices(double[] price, int[] knownUntil) {
        this.price = price;
        this.knownUntil = knownUntil;
    }

    /** Prices for slots {@code 0 .. slots-1} of the grid. */
    public static MappedPrices of(PriceSeries series, ZoneId zone, SlotGrid grid, YearMapping mapping, int slots) {
        double[] price = new double[slots];
        int[] knownUntil = new int[slots];
        LocalDateTime targetOrigin = mapping.apply(grid.origin());
        SlotGrid target = new SlotGrid(targetOrigin);
        for (int slot = 0; slot < slots; slot++) {
            Instant at = ZonedDateTime.ofLocal(target.startOf(slot), zone, null).toInstant();
            price[slot] = series.pricePerKwh(at).orElse(Double.NaN);
            LocalDateTime known = series.knownUntil(at).atZone(zone).toLocalDateTime();
            knownUntil[slot] = Math.min(slots, target.slotOf(known));
        }
        return new MappedPrices(price, knownUntil);
    }

    @Override
    public double price(int slot) {
        return slot >= 0 && slot < price.length ? price[slot] : Double.NaN;
    }

    @Override
    public int knownUntil(int decisionSlot) {
        return knownUntil[decisionSlot];
    }

    public int slots() {
        return price.length;
    }
}
