package care.m2m.sim.firmware;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated firmware behaves beyond its physics.
 *
 * @param repairSuccess    probability that a repair action clears the fault it is meant for
 * @param faultRatePerHour expected random faults per device and simulated hour
 * @param actionTimeCap    the longest an action takes in wall-clock time, whatever the model expects
 */
public record FirmwareSettings(double repairSuccess, double faultRatePerHour, Duration actionTimeCap) {

    public FirmwareSettings {
        if (repairSuccess < 0 || repairSuccess > 1) {
            throw new IllegalArgumentException("repair success must be a probability from 0 to 1, got " + repairSuccess);
        }
        if (faultRatePerHour < 0) {
            throw new IllegalArgumentException("fault rate must not be negative, got " + faultRatePerHour);
        }
        Objects.requireNonNull(actionTimeCap, "actionTimeCap");
    }
}
