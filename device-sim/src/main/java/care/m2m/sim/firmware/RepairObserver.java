package care.m2m.sim.firmware;

/**
 * What the firmware tells the run about its faults and the repairs it receives, so the simulator can measure how
 * long the gateway takes from a fault to the repair command: the firmware is the only place that knows when a
 * fault began, when it was reported and whether a repair really cleared it. Called under the firmware's lock:
 * implementations must be short and thread-safe.
 */
public interface RepairObserver {

    /** Ignores everything, for firmware that is not measured. */
    RepairObserver NONE = new RepairObserver() {
    };

    /** The firmware published the ERROR or WARNING event for fault {@code code}. */
    default void faultReported(String code) {
    }

    /**
     * A command whose action is one of the active fault's repair actions arrived.
     *
     * @param first the latencies of the fault's first repair command; null for a later one (a retry)
     */
    default void repairCommand(String code, String action, FaultTimeline.Latencies first) {
    }

    /** A repair action finished and, in the firmware's own view, cleared the fault. */
    default void repairCleared(String code) {
    }
}
