package care.m2m.gateway.repair;

import java.time.Instant;
import java.util.Objects;

/**
 * A self-repairable fault's arm in the repair-effect experiment, decided once when the fault is first raised
 * and kept with the fault (a reopened fault keeps its arm).
 */
public record RepairAssignment(String faultId, String deviceId, String faultCode, Arm arm, double share,
        Instant assignedAt) {

    /** Self-repair as usual, or held out of it as the control group. */
    public enum Arm { REPAIR, HELD_OUT }

    public RepairAssignment {
        Objects.requireNonNull(faultId, "faultId");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }
}
