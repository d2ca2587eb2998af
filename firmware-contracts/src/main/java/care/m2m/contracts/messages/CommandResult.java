package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * The device's answer to a {@link Command} (uplink): accepted when it starts, then executed or failed with a
 * device-specific result {@code code}; rejected when the device will not run it (unknown action, expired, busy).
 */
public record CommandResult(String id, Instant timestamp, Status status, Integer code, String text) {

    public enum Status { ACCEPTED, EXECUTED, FAILED, REJECTED }

    public CommandResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
