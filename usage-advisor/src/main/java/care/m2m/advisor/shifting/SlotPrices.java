package care.m2m.advisor.shifting;

/**
 * A tariff seen on a grid of equal time slots, numbered from an origin. Planning on slots keeps the search
 * exact and cheap; the grid hides time zones and clock changes, which its implementations resolve once.
 */
public interface SlotPrices {

    /** EUR per kWh in this slot; NaN where there is no price. */
    double price(int slot);

    /** The first slot whose price is not yet published when deciding at the start of {@code decisionSlot}. */
    int knownUntil(int decisionSlot);
}
