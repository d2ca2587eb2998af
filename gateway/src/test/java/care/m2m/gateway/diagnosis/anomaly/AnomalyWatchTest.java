package care.m2m.gateway.diagnosis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.gateway.diagnosis.FaultSignal;
import care.m2m.gateway.diagnosis.FaultSignal.Kind;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seam from the learned detector to the ladder: scored points become one ANOMALY fault, and it clears. */
class AnomalyWatchTest {

    private static final String MODEL = "heatpump-air-w9";
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    private final AnomalyWatch watch = new AnomalyWatch(new DetectorFactory(DetectorConfig.defaults()), 0.5,
            Duration.ofMinutes(10), DeviceModels.builtIn(), RuleBook.load(DeviceModels.builtIn(), Optional.empty()));

    @Test
    void onlyNumericNonCounterMetricsWithoutARuleAreWatched() {
        assertThat(watch.watched(MODEL)).contains("flow_temp_c", "compressor_hz")
                .doesNotContain("refrigerant_pressure_bar", "energy_wh_total", "state", "defrost_active");
    }

    @Test
    void aStepAfterAQuietHistoryRaisesOneAnomalyFaultThatClearsWhenQuietAgain() {
        Random random = new Random(7);
        List<FaultSignal> signals = new ArrayList<>();
        int minute = 0;
        for (; minute < 2000; minute++) {
            signals.addAll(point(minute, 35 + random.nextGaussian() * 0.3));
        }
        assertThat(signals).as("no alarm on a stationary stream").isEmpty();

        for (int i = 0; i < 5; i++, minute++) {
            signals.addAll(point(minute, 70 + random.nextGaussian() * 0.3));
        }
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.RAISE);
            assertThat(s.code()).isEqualTo(AnomalyWatch.FAULT_CODE);
            assertThat(s.detail()).startsWith("unusual flow_temp_c");
        });

        signals.clear();
        for (int i = 0; i < 60; i++, minute++) {
            signals.addAll(point(minute, 35 + random.nextGaussian() * 0.3));
        }
        assertThat(signals).extracting(FaultSignal::kind).containsExactly(Kind.CLEAR);
    }

    private List<FaultSignal> point(int minute, double flowTemp) {
        return watch.onPoint("hp-1", MODEL, T0.plusSeconds(60L * minute), Map.of("flow_temp_c", MetricValue.of(flowTemp)));
    }
}
