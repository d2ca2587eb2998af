package care.m2m.advisor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open stretch of time {@code [from, to)}: the look-back window a tip is computed over, so that
 * benefits can be scaled to "per month" honestly.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("time range: expected to after from, got " + from + " .. " + to);
        }
    }

    /** The range of the given length that ends at {@code to}. */
    public static TimeRange ending(Instant to, Duration length) {
        return new TimeRange(to.minus(length), to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** Length in days, fractional; used to turn a window's total into a monthly figure. */
    public double days() {
        return length().toSeconds() / 86_400.0;
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
