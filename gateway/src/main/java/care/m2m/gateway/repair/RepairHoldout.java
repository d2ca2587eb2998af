package care.m2m.gateway.repair;

import care.m2m.advisor.effect.Holdout;

/**
 * Decides which self-repairable faults are held out of self-repair, to measure what repairs do for repeat
 * faults against faults that climbed the ladder without one. Random with respect to the device and the fault
 * (a hash of the fault id), and the same on every restart and instance. A share of 0 switches it off.
 */
public final class RepairHoldout {

    /** The hash salt that keeps this experiment independent of the tips' hold-out. */
    static final String EXPERIMENT = "self-repair";
    public static final RepairHoldout OFF = new RepairHoldout(0);

    private final Holdout holdout;

    /** @param share the fraction of faults held out, 0 to 0.5 */
    public RepairHoldout(double share) {
        this.holdout = new Holdout(share);
    }

    public double share() {
        return holdout.share();
    }

    public RepairAssignment.Arm arm(String faultId) {
        return holdout.heldOut(faultId, EXPERIMENT) ? RepairAssignment.Arm.HELD_OUT : RepairAssignment.Arm.REPAIR;
    }
}
