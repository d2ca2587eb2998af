package care.m2m.advisor.effect;

import java.util.Objects;

/**
 * One device's usage in equal windows before and after the moment it got the tip (or, for the control
 * group, the moment it would have got it), e.g. watt-hours per day.
 */
public record Observation(String deviceId, boolean treated, double before, double after) {

    public Observation {
        Objects.requireNonNull(deviceId, "deviceId");
        if (!Double.isFinite(before) || !Double.isFinite(after)) {
            throw new IllegalArgumentException("usage of " + deviceId + " must be finite, got " + before + " and " + after);
        }
    }

    public double change() {
        return after - before;
    }
}
