package care.m2m.advisor.cycles;

import care.m2m.advisor.history.StatePoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An enum metric as a timeline: each reported value holds until the next report. Lets a generator ask which
 * program a cycle ran or what state a device was in at a moment.
 */
public final class StateTimeline {

    private final List<StatePoint> points;

    public StateTimeline(List<StatePoint> points) {
        this.points = List.copyOf(points);
    }

    /** The value in force at the instant; empty before the first report. */
    public Optional<String> at(Instant instant) {
        String value = null;
        for (StatePoint point : points) {
            if (point.at().isAfter(instant)) {
                break;
            }
            value = point.value();
        }
        return Optional.ofNullable(value);
    }

    /** Whether the value was reported anywhere in {@code [from, to)}, or was in force at {@code from}. */
    public boolean seenBetween(String value, Instant from, Instant to) {
        if (at(from).filter(value::equals).isPresent()) {
            return true;
        }
        return points.stream().anyMatch(p -> !p.at().isBefore(from) && p.at().isBefore(to) && p.value().equals(value));
    }

    public List<StatePoint> points() {
        return points;
    }
}
