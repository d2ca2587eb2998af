package care.m2m.gateway.store;

import care.m2m.contracts.messages.MetricValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored telemetry message: the readings of one device at one instant (millisecond precision), tagged
 * with the device's model so that fleet queries need no join.
 */
public record TelemetryPoint(String deviceId, String model, Instant timestamp, Map<String, MetricValue> values) {

    public TelemetryPoint {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(values, "values");
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
