package care.m2m.sim.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.MetricSpec;
import care.m2m.contracts.validation.TelemetryValidator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message a simulated product produces must pass the gateway's model check, whatever the seed, the time of
 * day, the sampling step or the faults it goes through; counters must never run backwards.
 */
@Timeout(120)
class BehaviourRangeTest {

    private static final int SEEDS = 12;
    private static final Duration DAYS = Duration.ofDays(3);

    static Stream<Arguments> modelsAndSeeds() {
        return Behaviours.SIMULATED.stream().sorted()
                .flatMap(model -> LongStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(model, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("modelsAndSeeds")
    void staysInsideTheModelForDaysWithFaultsComingAndGoing(String modelId, long seed) {
        Simulation sim = new Simulation(modelId, seed, Simulation.MONDAY_MIDNIGHT.plus(Duration.ofMinutes(seed * 97)));
        Random scenario = new Random(seed);
        Duration step = List.of(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2))
                .get((int) (seed % 3));
        Map<String, Double> lastCounters = new HashMap<>();
        long samples = DAYS.dividedBy(step);
        for (long i = 0; i < samples; i++) {
            if (sim.product.activeFault().isEmpty() && scenario.nextDouble() < step.toSeconds() / 14_400.0) {
                sim.product.injectFault(sim.model.faults().get(scenario.nextInt(sim.model.faults().size())).code());
            } else if (sim.product.activeFault().isPresent() && scenario.nextDouble() < step.toSeconds() / 7_200.0) {
                sim.product.clearFault();
            }
            Map<String, MetricValue> readings = sim.step(step);
            Telemetry telemetry = Telemetry.of(sim.product.now(), readings);
            assertThatCode(() -> TelemetryValidator.check(sim.model, telemetry))
                    .as("sample %d at %s", i, sim.product.now())
                    .doesNotThrowAnyException();
            assertThat(readings.keySet()).containsExactlyInAnyOrderElementsOf(
                    sim.model.metrics().stream().map(MetricSpec::name).toList());
            for (MetricSpec spec : sim.model.metrics()) {
                if (spec.counter()) {
                    double value = Simulation.num(readings, spec.name());
                    Double last = lastCounters.put(spec.name(), value);
                    assertThat(value).as("counter %s", spec.name()).isGreaterThanOrEqualTo(last == null ? 0 : last);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("modelsAndSeeds")
    void bigJumpsOfHighSpeedRunsStayInRangeToo(String modelId, long seed) {
        Simulation sim = new Simulation(modelId, seed);
        for (int hour = 0; hour < 24 * 7; hour++) {
            Telemetry telemetry = Telemetry.of(sim.product.now(), sim.step(Duration.ofMinutes(61)));
            assertThatCode(() -> TelemetryValidator.check(sim.model, telemetry)).doesNotThrowAnyException();
        }
    }
}
