package care.m2m.advisor.shifting;

import care.m2m.advisor.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Tariff} on a uniform slot grid in real (UTC) time: slot {@code i} starts at
 * {@code origin + i * slot}. Each slot takes the price at its start, so the slot length should divide the
 * tariff's price interval (15 minutes or 10 minutes for hourly prices).
 */
public final class TariffSlots implements SlotPrices {

    private final Tariff tariff;
    private final Instant origin;
    private final Duration slot;

    public TariffSlots(Tariff tariff, Instant origin, Duration slot) {
        this.tariff = Objects.requireNonNull(tariff, "tariff");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.slot = Objects.requireNonNull(slot, "slot");
    }

    public Instant startOf(int slotIndex) {
        return origin.plus(slot.multipliedBy(slotIndex));
    }

    /** The slot that contains the instant (instants before the origin give negative slots). */
    public int slotOf(Instant at) {
        return (int) Math.floorDiv(Duration.between(origin, at).toMillis(), slot.toMillis());
    }

    @Override
    public double price(int slotIndex) {
        return tariff.pricePerKwh(startOf(slotIndex)).orElse(Double.NaN);
    }

    @Override
    public int knownUntil(int decisionSlot) {
        Instant known = tariff.knownUntil(startOf(decisionSlot));
        long slots = Math.floorDiv(Duration.between(origin, known.isAfter(farFuture()) ? farFuture() : known)
                .toMillis(), slot.toMillis());
        return (int) Math.min(Integer.MAX_VALUE / 2, slots);
    }

    private Instant farFuture() {
        return origin.plus(Duration.ofDays(3650));
    }
}
