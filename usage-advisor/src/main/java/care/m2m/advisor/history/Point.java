package care.m2m.advisor.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One numeric reading of a metric. Booleans arrive as 0 and 1, so a single point type serves every numeric
 * analysis; enum metrics use {@link StatePoint}.
 *
 * @param at when the device sampled it
 * @param value the reading in the metric's unit
 */
public record Point(Instant at, double value) {

    public Point {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("point at " + at + ": expected a finite value, got " + value);
        }
    }
}
