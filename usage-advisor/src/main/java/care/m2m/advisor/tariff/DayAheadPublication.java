package care.m2m.advisor.tariff;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When day-ahead prices become known: the market publishes the prices of delivery day D on day D-1 at a fixed
 * local time (the EPEX SPOT day-ahead auction for Belgium: results by about 13:00 Brussels time). Before that
 * moment only day D-1 itself is known.
 *
 * @param zone the market's time zone; delivery days are its local days
 * @param publishedAt local time on the day before at which the next day's prices are out
 */
public record DayAheadPublication(ZoneId zone, LocalTime publishedAt) {

    /** Belgium: Europe/Brussels, 13:00. */
    public static final DayAheadPublication BELGIUM =
            new DayAheadPublication(ZoneId.of("Europe/Brussels"), LocalTime.of(13, 0));

    public DayAheadPublication {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** The end (exclusive) of the last delivery day whose prices are published at {@code decisionTime}. */
    public Instant knownUntil(Instant decisionTime) {
        ZonedDateTime local = decisionTime.atZone(zone);
        int daysAhead = local.toLocalTime().isBefore(publishedAt) ? 1 : 2;
        return local.toLocalDate().plusDays(daysAhead).atStartOfDay(zone).toInstant();
    }
}
