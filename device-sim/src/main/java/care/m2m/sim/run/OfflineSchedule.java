package care.m2m.sim.run;

import care.m2m.sim.firmware.SimClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Decides, tick by tick, when one device goes offline and for how long: a Poisson process with the configured rate
 * per simulated hour, episodes uniformly from {@link OfflineSettings#MIN_EPISODE} to
 * {@link OfflineSettings#MAX_EPISODE} of simulated time, turned into wall-clock time by the run's speed. Free of
 * threads and connections so the arithmetic is easy to test; not thread-safe (one device's ticks call it).
 */
final class OfflineSchedule {

    /** One planned absence: how long in wall-clock time, and whether the device leaves without DISCONNECT. */
    record Episode(Duration realDuration, boolean abrupt) {
    }

    private final OfflineSettings settings;
    private final SimClock clock;
    private final Random random;

    OfflineSchedule(OfflineSettings settings, SimClock clock, long seed) {
        this.settings = settings;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** Whether the device goes offline now, {@code realElapsed} after it was last asked. */
    Optional<Episode> next(Duration realElapsed) {
        if (settings.ratePerHour() == 0 || realElapsed.isNegative() || realElapsed.isZero()) {
            return Optional.empty();
        }
        double simulatedHours = realElapsed.toNanos() * clock.speed() / 3.6e12;
        if (random.nextDouble() >= 1 - Math.exp(-settings.ratePerHour() * simulatedHours)) {
            return Optional.empty();
        }
        double min = OfflineSettings.MIN_EPISODE.toSeconds();
        double max = OfflineSettings.MAX_EPISODE.toSeconds();
        Duration length = clock.realDuration(min + random.nextDouble() * (max - min));
        boolean abrupt = switch (settings.kind()) {
            case CLEAN -> false;
            case ABRUPT -> true;
            case MIXED -> random.nextBoolean();
        };
        return Optional.of(new Episode(length, abrupt));
    }
}
