package care.m2m.sim.firmware;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps wall-clock time to the products' simulated time: simulated time starts at the wall-clock time the run
 * started and runs {@code speed} times as fast, so at speed 60 a simulated day passes in 24 minutes and usage
 * patterns show in a demo. Messages carry wall-clock timestamps; only the physics runs faster.
 */
public record SimClock(Instant realStart, double speed) {

    public SimClock {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
    }

    public Instant simulated(Instant wall) {
        long realNanos = Duration.between(realStart, wall).toNanos();
        return realStart.plusNanos((long) (realNanos * speed));
    }

    /** How long {@code simulatedSeconds} take in wall-clock time. */
    public Duration realDuration(double simulatedSeconds) {
        return Duration.ofNanos((long) (simulatedSeconds / speed * 1e9));
    }
}
