package care.m2m.contracts.models;

import java.util.List;
import java.util.Objects;

/**
 * A fault a device model can report, and what the service ladder may do about it: the self-repair actions to
 * try (in order), and a short self-service tip for the customer.
 *
 * @param code fault code as sent in error, warning and cleared events, for example {@code E_GRINDER_JAM}
 * @param meaning what it means, in words a technician can act on
 * @param severity how bad it is for the customer
 * @param repairActions names of {@link ActionSpec}s of the same model that may fix it, tried in this order
 * @param customerTip a short self-service instruction, or null when the customer cannot help
 */
public record FaultSpec(String code, String meaning, Severity severity, List<String> repairActions,
                        String customerTip) {

    /** How bad a fault is for the customer, from a notice to a safety or total-loss issue. */
    public enum Severity { INFO, MINOR, MAJOR, CRITICAL }

    public FaultSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(severity, "severity");
        repairActions = repairActions == null ? List.of() : List.copyOf(repairActions);
    }

    /** True when the gateway can try to repair it without a person. */
    public boolean isSelfRepairable() {
        return !repairActions.isEmpty();
    }
}
