package care.m2m.advisor.tariff;

import java.time.Duration;
import java.time.Instant;

/**
 * The plain hourly average price over a stretch of time, for savings spread evenly over the day (a lower
 * heating curve, a more efficient heat pump), where no single hour's price would be fair.
 */
public final class TariffAverage {

    private TariffAverage() {
    }

    /** Mean of the hourly prices in {@code [from, to)} that the tariff knows; 0 if it knows none. */
    public static double eurPerKwh(Tariff tariff, Instant from, Instant to) {
        double sum = 0;
        int hours = 0;
        for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofHours(1))) {
            var price = tariff.pricePerKwh(at);
            if (price.isPresent()) {
                sum += price.getAsDouble();
                hours++;
            }
        }
        return hours == 0 ? 0 : sum / hours;
    }
}
