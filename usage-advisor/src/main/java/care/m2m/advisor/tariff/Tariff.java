package care.m2m.advisor.tariff;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * What a customer pays per kWh and what they can know of it in advance. Advice must only use prices that are
 * known when it is given, so a tariff says both the price and its known horizon; the evaluation depends on
 * that to compare honest advice with perfect foresight.
 */
public interface Tariff {

    /** EUR per kWh for energy drawn at this instant; empty where the tariff has no price. */
    OptionalDouble pricePerKwh(Instant at);

    /**
     * The end (exclusive) of the stretch whose prices are published at {@code decisionTime}: a fixed table is
     * known forever, day-ahead prices up to the end of the next day once they are published.
     */
    Instant knownUntil(Instant decisionTime);
}
