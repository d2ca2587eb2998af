package care.m2m.sim.firmware;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated firmware behaves beyond its physics.
 *
 * @param repairSuccess    probability that a repair action clears the fault it is meant for
 * @param faultRatePerHour expected random faults per device and simulated hour
 * @param actionTimeCap    the longest an action takes in wall-clock time, whatever the model expects
 * @param tipFollow        probability that the simulated customer follows a tip the device shows
 * @param tipSaving        share of the product's energy use a followed tip saves from then on (the known effect
 *                         that the gateway's effectiveness measurement should recover)
 * @param relapseAfterRepair    probability that a fault cleared by a repair command comes back (one simulated
 *                              hour later)
 * @param relapseAfterManualFix probability that a fault the customer fixed by hand, following its self-service
 *                              tip, comes back; against {@code relapseAfterRepair} this is the known effect of
 *                              repairs on repeat faults that the gateway's repair-effect measurement should recover
 */
public record FirmwareSettings(double repairSuccess, double faultRatePerHour, Duration actionTimeCap,
                               double tipFollow, double tipSaving, double relapseAfterRepair,
                               double relapseAfterManualFix) {

    /** How long after it cleared a relapsing fault returns, in simulated time. */
    public static final Duration RELAPSE_AFTER = Duration.ofHours(1);

    /** Settings whose faults never come back once cleared. */
    public FirmwareSettings(double repairSuccess, double faultRatePerHour, Duration actionTimeCap,
                            double tipFollow, double tipSaving) {
        this(repairSuccess, faultRatePerHour, actionTimeCap, tipFollow, tipSaving, 0, 0);
    }

    /** Settings whose simulated customers never follow tips. */
    public FirmwareSettings(double repairSuccess, double faultRatePerHour, Duration actionTimeCap) {
        this(repairSuccess, faultRatePerHour, actionTimeCap, 0, 0);
    }

    public FirmwareSettings {
        if (repairSuccess < 0 || repairSuccess > 1) {
            throw new IllegalArgumentException("repair success must be a probability from 0 to 1, got " + repairSuccess);
        }
        if (faultRatePerHour < 0) {
            throw new IllegalArgumentException("fault rate must not be negative, got " + faultRatePerHour);
        }
        Objects.requireNonNull(actionTimeCap, "actionTimeCap");
        if (tipFollow < 0 || tipFollow > 1) {
            throw new IllegalArgumentException("tip follow must be a probability from 0 to 1, got " + tipFollow);
        }
        if (relapseAfterRepair < 0 || relapseAfterRepair > 1 || relapseAfterManualFix < 0 || relapseAfterManualFix > 1) {
            throw new IllegalArgumentException("relapse probabilities must be from 0 to 1, got " + relapseAfterRepair
                    + " after a repair and " + relapseAfterManualFix + " after a manual fix");
        }
        if (tipSaving < 0 || tipSaving >= 1) {
            throw new IllegalArgumentException("tip saving must be a share from 0 to below 1, got " + tipSaving);
        }
    }
}
