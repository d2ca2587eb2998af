package care.m2m.advisor.cycles;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of an appliance, from the first to the last moment its power was above the detection threshold.
 *
 * @param start when it started drawing power
 * @param end when it stopped (exclusive)
 * @param energyWh electrical energy used from start to end
 */
public record PowerCycle(Instant start, Instant end, double energyWh) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
