package care.m2m.gateway.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A read of one device's telemetry: {@code from} inclusive, {@code to} exclusive, only the named metrics
 * (all when empty), oldest first, at most {@code limit} points.
 */
public record TelemetryQuery(String deviceId, Instant from, Instant to, Set<String> metrics, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public TelemetryQuery {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        metrics = metrics == null ? Set.of() : Set.copyOf(metrics);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
