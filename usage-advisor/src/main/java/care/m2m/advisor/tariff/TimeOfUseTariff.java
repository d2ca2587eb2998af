package care.m2m.advisor.tariff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A fixed two-rate table, like the Belgian day/night meter: a peak price on weekdays between two local times,
 * the off-peak price otherwise. A table is known in advance for ever, so advice under it needs no forecast.
 *
 * @param zone the zone of the meter's clock
 * @param peakFrom local time the peak rate starts (inclusive)
 * @param peakUntil local time the peak rate ends (exclusive)
 * @param peakEurPerKwh price during peak hours
 * @param offPeakEurPerKwh price at all other times, and all weekend
 */
public record TimeOfUseTariff(ZoneId zone, LocalTime peakFrom, LocalTime peakUntil, double peakEurPerKwh,
                              double offPeakEurPerKwh) implements Tariff {

    public TimeOfUseTariff {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(peakFrom, "peakFrom");
        Objects.requireNonNull(peakUntil, "peakUntil");
        if (!peakUntil.isAfter(peakFrom)) {
            throw new IllegalArgumentException("time-of-use tariff: expected peak hours within one day, got "
                    + peakFrom + " .. " + peakUntil);
        }
    }

    /** A typical Belgian day/night split: 07:00 to 22:00 on weekdays is peak. */
    public static TimeOfUseTariff dayNight(double peakEurPerKwh, double offPeakEurPerKwh) {
        return new TimeOfUseTariff(ZoneId.of("Europe/Brussels"), LocalTime.of(7, 0), LocalTime.of(22, 0),
                peakEurPerKwh, offPeakEurPerKwh);
    }

    @Override
    public OptionalDouble pricePerKwh(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        LocalTime time = local.toLocalTime();
        boolean peak = !weekend && !time.isBefore(peakFrom) && time.isBefore(peakUntil);
        return OptionalDouble.of(peak ? peakEurPerKwh : offPeakEurPerKwh);
    }

    @Override
    public Instant knownUntil(Instant decisionTime) {
        return Instant.MAX;
    }
}
