package care.m2m.gateway.tips;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a customer allows: the channels tips may use (consent per channel), quiet hours in the customer's
 * time zone, the most tips per week, and opt-out, which stops everything at once.
 */
public record Preferences(String customerRef, Set<Channel> channels, LocalTime quietStart, LocalTime quietEnd,
        ZoneId zone, int maxPerWeek, boolean optedOut) {

    /** Where a tip can be shown. */
    public enum Channel { DEVICE, WEB, WEBHOOK }

    public static final LocalTime DEFAULT_QUIET_START = LocalTime.of(21, 0);
    public static final LocalTime DEFAULT_QUIET_END = LocalTime.of(8, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Brussels");
    public static final int DEFAULT_MAX_PER_WEEK = 2;

    public Preferences {
        Objects.requireNonNull(customerRef, "customerRef");
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        Objects.requireNonNull(quietStart, "quietStart");
        Objects.requireNonNull(quietEnd, "quietEnd");
        Objects.requireNonNull(zone, "zone");
        if (maxPerWeek < 0 || maxPerWeek > 50) {
            throw new IllegalArgumentException("maxPerWeek: expected 0 to 50, got " + maxPerWeek);
        }
    }

    /** The defaults until the customer says otherwise: the device and the web, two a week, quiet at night. */
    public static Preferences defaults(String customerRef) {
        return new Preferences(customerRef, EnumSet.of(Channel.DEVICE, Channel.WEB), DEFAULT_QUIET_START,
                DEFAULT_QUIET_END, DEFAULT_ZONE, DEFAULT_MAX_PER_WEEK, false);
    }

    /** When the quiet hours around {@code at} end, or {@code at} itself when it is not quiet then. */
    public Instant quietUntil(Instant at) {
        if (quietStart.equals(quietEnd)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietStart.isAfter(quietEnd);
        boolean quiet = overnight ? !time.isBefore(quietStart) || time.isBefore(quietEnd)
                : !time.isBefore(quietStart) && time.isBefore(quietEnd);
        if (!quiet) {
            return at;
        }
        ZonedDateTime end = local.with(quietEnd);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
