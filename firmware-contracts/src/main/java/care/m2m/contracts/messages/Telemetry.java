package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Readings a device reports (uplink). {@code timestamp} is when the device measured them (null: the gateway
 * uses the time it received them); {@code sequence} is a per-device counter firmware may send to detect gaps;
 * {@code firmware} is the firmware version, optional.
 */
public record Telemetry(Instant timestamp, Long sequence, String firmware, Map<String, MetricValue> metrics) {

    public Telemetry {
        Objects.requireNonNull(metrics, "metrics");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static Telemetry of(Instant timestamp, Map<String, MetricValue> metrics) {
        return new Telemetry(timestamp, null, null, metrics);
    }
}
