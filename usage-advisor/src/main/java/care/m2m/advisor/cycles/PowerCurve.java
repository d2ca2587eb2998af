package care.m2m.advisor.cycles;

import care.m2m.advisor.history.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Power readings read as a step curve: each reading holds until the next one, but never longer than
 * {@code maxHold}, so a telemetry gap is not filled with invented energy.
 */
public final class PowerCurve {

    private final List<Point> points;
    private final Duration maxHold;

    public PowerCurve(List<Point> points, Duration maxHold) {
        this.points = List.copyOf(points);
        this.maxHold = Objects.requireNonNull(maxHold, "maxHold");
    }

    public List<Point> points() {
        return points;
    }

    /** End of the interval reading {@code i} stands for. */
    public Instant holdEnd(int i) {
        Instant capped = points.get(i).at().plus(maxHold);
        if (i + 1 < points.size() && points.get(i + 1).at().isBefore(capped)) {
            return points.get(i + 1).at();
        }
        return capped;
    }

    /** Energy in Wh between two instants. */
    public double wattHours(Instant from, Instant to) {
        double wh = 0;
        for (int i = 0; i < points.size(); i++) {
            Instant a = max(points.get(i).at(), from);
            Instant b = min(holdEnd(i), to);
            if (b.isAfter(a)) {
                wh += points.get(i).value() * Duration.between(a, b).toMillis() / 3_600_000.0;
            }
        }
        return wh;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
