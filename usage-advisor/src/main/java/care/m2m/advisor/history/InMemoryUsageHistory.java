package care.m2m.advisor.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A usage history held in memory: for unit tests, for the evaluation on recorded data, and for a gateway
 * that runs without a telemetry database. Not thread-safe while it is being filled; read-only use is.
 */
public final class InMemoryUsageHistory implements UsageHistory {

    private final Map<String, List<Point>> numeric = new HashMap<>();
    private final Map<String, List<StatePoint>> states = new HashMap<>();

    /** Adds one numeric reading; readings may come in any order. */
    public InMemoryUsageHistory add(String deviceId, String metric, Instant at, double value) {
        numeric.computeIfAbsent(key(deviceId, metric), k -> new ArrayList<>()).add(new Point(at, value));
        return this;
    }

    /** Adds one enum reading; readings may come in any order. */
    public InMemoryUsageHistory addState(String deviceId, String metric, Instant at, String value) {
        states.computeIfAbsent(key(deviceId, metric), k -> new ArrayList<>()).add(new StatePoint(at, value));
        return this;
    }

    @Override
    public List<Point> numeric(String deviceId, String metric, TimeRange range) {
        return numeric.getOrDefault(key(deviceId, metric), List.of()).stream()
                .filter(p -> range.contains(p.at()))
                .sorted(Comparator.comparing(Point::at))
                .toList();
    }

    @Override
    public List<StatePoint> states(String deviceId, String metric, TimeRange range) {
        return states.getOrDefault(key(deviceId, metric), List.of()).stream()
                .filter(p -> range.contains(p.at()))
                .sorted(Comparator.comparing(StatePoint::at))
                .toList();
    }

    private static String key(String deviceId, String metric) {
        return deviceId + '\u0000' + metric;
    }
}
