package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Map;

/**
 * Configuration the gateway pushes to a device (downlink): how often to sample, plus model-specific
 * settings. Absent values leave the device's current setting unchanged.
 */
public record DeviceConfig(Instant timestamp, Integer samplingSeconds, Map<String, Object> settings) {

    public DeviceConfig {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
