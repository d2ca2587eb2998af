package care.m2m.sim.firmware;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject during a run ({@code --inject-fault CODE[@index|@all][:afterSeconds]}): which fault code, on
 * which device (by its position in the fleet, counting from 0; null means every device whose model has the
 * fault) and how long after the start.
 */
public record FaultInjection(String code, Integer deviceIndex, Duration after) {

    public FaultInjection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(after, "after");
        if (deviceIndex != null && deviceIndex < 0) {
            throw new IllegalArgumentException("device index must not be negative, got " + deviceIndex);
        }
        if (after.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative, got " + after);
        }
    }

    public boolean allDevices() {
        return deviceIndex == null;
    }

    public boolean targets(int index) {
        return deviceIndex == null || deviceIndex == index;
    }
}
