package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened on the device (uplink): an error with a fault code from the device model, a
 * warning, a boot, a state change. {@code code} is required for {@link Kind#ERROR} and {@link Kind#WARNING}.
 */
public record DeviceEvent(Instant timestamp, Kind kind, String code, String text, Map<String, Object> data) {

    public enum Kind { ERROR, WARNING, INFO, BOOT, CLEARED }

    public DeviceEvent {
        Objects.requireNonNull(kind, "kind");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
