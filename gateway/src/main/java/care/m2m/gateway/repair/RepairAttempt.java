package care.m2m.gateway.repair;

import java.time.Instant;
import java.util.Objects;

/**
 * One self-repair try: which action was sent for which fault, and what came of it. Only
 * {@link Outcome#VERIFIED} counts as a repair: the command executed AND later telemetry showed the fault
 * cleared within the verification window.
 */
public record RepairAttempt(String id, String faultId, String deviceId, String faultCode, String action,
        String commandId, int attempt, Instant startedAt, Instant finishedAt, Outcome outcome) {

    /** What became of the attempt. */
    public enum Outcome {
        /** the command is on its way or running, or the verification window is open */
        PENDING,
        /** executed, and the fault cleared within the verification window */
        VERIFIED,
        /** the device failed or refused the command, or it timed out or expired */
        COMMAND_FAILED,
        /** executed, but the fault did not clear within the verification window */
        NOT_CLEARED,
        /** verified, but the fault came back within the flap window */
        RELAPSED,
        /** the gateway restarted while it was pending */
        INTERRUPTED
    }

    public RepairAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
    }

    RepairAttempt finished(Outcome result, Instant at) {
        return new RepairAttempt(id, faultId, deviceId, faultCode, action, commandId, attempt, startedAt, at, result);
    }
}
