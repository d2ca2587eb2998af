package care.m2m.advisor.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of an enum metric ({@code phase}, {@code program}, {@code state}): the value holds from
 * {@code at} until the next reading. Kept apart from {@link Point} so that nobody averages a program name.
 *
 * @param at when the device reported it
 * @param value one of the metric's declared values
 */
public record StatePoint(Instant at, String value) {

    public StatePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }
}
