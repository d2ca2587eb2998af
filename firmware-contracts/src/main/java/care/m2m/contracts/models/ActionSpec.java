package care.m2m.contracts.models;

import java.util.Map;
import java.util.Objects;

/**
 * A command a device model can execute, usually a self-repair step. The expected duration tells the gateway
 * how long to wait for the command result before it counts the attempt as failed.
 *
 * @param name action name as sent in commands, for example {@code descale_cycle}
 * @param description what the device does, for technicians
 * @param expectedSeconds how long it normally takes until the device reports {@code executed}
 * @param params parameter name to its description; empty when the action takes none
 */
public record ActionSpec(String name, String description, long expectedSeconds, Map<String, String> params) {

    public ActionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        params = params == null ? Map.of() : Map.copyOf(params);
        if (expectedSeconds < 0) {
            throw new IllegalArgumentException("action " + name + ": expectedSeconds must not be negative");
        }
    }
}
