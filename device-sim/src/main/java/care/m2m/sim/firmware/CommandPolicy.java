package care.m2m.sim.firmware;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult.Status;
import care.m2m.contracts.models.ActionSpec;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.FaultSpec;
import java.time.Instant;
import java.util.Optional;

/**
 * How the firmware decides about a command, kept free of time and threads so the rules are easy to test: reject
 * what expired, what the model cannot do or what arrives while another action runs; and when an action finishes,
 * whether it repaired the active fault.
 */
public final class CommandPolicy {

    /** Result code of a successful action. */
    public static final int OK = 0;
    /** Result code of a command whose action the model does not have. */
    public static final int UNKNOWN_ACTION = 1;
    /** Result code of a command that arrived after its expiry. */
    public static final int EXPIRED = 2;
    /** Result code of a repair action that ran but left the fault in place. */
    public static final int REPAIR_FAILED = 3;
    /** Result code of a command that arrived while another action was running. */
    public static final int BUSY = 4;

    private CommandPolicy() {
    }

    /** What to do with a newly arrived command. */
    public sealed interface Decision {
    }

    /** Refuse it with a REJECTED result. */
    public record Reject(int code, String text) implements Decision {
    }

    /** Accept it and run the action. */
    public record Run(ActionSpec action) implements Decision {
    }

    /** How a finished action ends: the result to send and whether the active fault is gone. */
    public record Outcome(Status status, int code, String text, boolean clearsFault) {
    }

    public static Decision decide(Command command, DeviceModel model, Instant now, String runningAction) {
        if (command.expiresAt() != null && now.isAfter(command.expiresAt())) {
            return new Reject(EXPIRED, "expired at " + command.expiresAt());
        }
        Optional<ActionSpec> action = model.action(command.action());
        if (action.isEmpty()) {
            return new Reject(UNKNOWN_ACTION, "unknown action " + command.action() + " for model " + model.id());
        }
        if (runningAction != null) {
            return new Reject(BUSY, "busy running " + runningAction);
        }
        return new Run(action.get());
    }

    /**
     * @param activeFault the fault the product has when the action ends
     * @param roll        a uniform random number from 0 (inclusive) to 1, compared with {@code repairSuccess}
     */
    public static Outcome finish(String action, DeviceModel model, Optional<String> activeFault, double roll,
                                 double repairSuccess) {
        Optional<FaultSpec> fault = activeFault.flatMap(model::fault);
        if (fault.isEmpty() || !fault.get().repairActions().contains(action)) {
            return new Outcome(Status.EXECUTED, OK, action + " done", false);
        }
        String code = fault.get().code();
        if (roll < repairSuccess) {
            return new Outcome(Status.EXECUTED, OK, action + " done, " + code + " cleared", true);
        }
        return new Outcome(Status.FAILED, REPAIR_FAILED, action + " done, " + code + " persists", false);
    }
}
