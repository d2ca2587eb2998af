package care.m2m.gateway.diagnosis;

/**
 * The next rungs of the service ladder listen here: self-repair first, then tips and tickets. Called on the
 * diagnosis context; must not block.
 */
public interface FaultListener {

    /** A new fault, or one that came back after it had cleared (see {@link Fault#flapCount()}). */
    default void onRaised(Fault fault, boolean reopened) {
    }

    /** The fault cleared (for a flapping fault: only after it stayed clear for the flap window). */
    default void onCleared(Fault fault) {
    }
}
