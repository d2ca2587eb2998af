package care.m2m.gateway.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.gateway.diagnosis.FaultSignal.Kind;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of rule, as a model's rule file states it, on a stream of points. */
class DiagnosisEngineTest {

    private static final String MODEL = "coffee-espresso-x1";
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private DiagnosisEngine engine;

    @BeforeEach
    void rules(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(MODEL + ".rules.json"), """
                {"rules": [
                  {"fault": "E_BOILER_OVERHEAT", "type": "threshold", "metric": "boiler_temp_c", "op": ">", "value": 130,
                   "for": "PT10S", "clear": {"op": "<", "value": 110}},
                  {"fault": "E_PUMP_PRESSURE_LOW", "type": "threshold", "metric": "pump_pressure_bar", "op": "<", "value": 6,
                   "when": {"metric": "state", "op": "==", "value": "brewing"}},
                  {"fault": "E_TEMP_SENSOR", "type": "rate", "metric": "boiler_temp_c", "op": ">", "value": 60},
                  {"fault": "E_GRINDER_JAM", "type": "repeated", "metric": "grinder_current_a", "op": ">", "value": 6,
                   "count": 3, "within": "PT10M"},
                  {"fault": "DEVICE_SILENT", "type": "silence", "after": "PT30M"}
                ]}""");
        engine = new DiagnosisEngine(RuleBook.load(DeviceModels.builtIn(), Optional.of(dir)));
    }

    @Test
    void aThresholdMustHoldForItsDurationAndClearsOnlyPastTheHysteresis() {
        assertThat(point(0, Map.of("boiler_temp_c", num(131)))).isEmpty();
        assertThat(point(5, Map.of("boiler_temp_c", num(132)))).isEmpty();
        assertThat(point(10, Map.of("boiler_temp_c", num(133)))).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.RAISE))
                .satisfies(s -> assertThat(s.code()).isEqualTo("E_BOILER_OVERHEAT"));
        assertThat(point(15, Map.of("boiler_temp_c", num(120)))).as("below the threshold, above the clear level").isEmpty();
        assertThat(point(20, Map.of("boiler_temp_c", num(100)))).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.CLEAR));
    }

    @Test
    void aGuardLimitsTheRuleToTheStateItNames() {
        assertThat(point(0, Map.of("pump_pressure_bar", num(0), "state", text("ready")))).isEmpty();
        assertThat(point(1, Map.of("pump_pressure_bar", num(4), "state", text("brewing"))))
                .extracting(FaultSignal::code).containsExactly("E_PUMP_PRESSURE_LOW");
        assertThat(point(2, Map.of("pump_pressure_bar", num(0), "state", text("ready")))).as("not brewing: no verdict").isEmpty();
        assertThat(point(3, Map.of("pump_pressure_bar", num(9), "state", text("brewing"))))
                .extracting(FaultSignal::kind).containsExactly(Kind.CLEAR);
    }

    @Test
    void aRateRuleLooksAtTheChangePerMinute() {
        assertThat(point(0, Map.of("boiler_temp_c", num(90)))).isEmpty();
        assertThat(point(60, Map.of("boiler_temp_c", num(95)))).isEmpty();
        assertThat(point(70, Map.of("boiler_temp_c", num(125)))).extracting(FaultSignal::code).containsExactly("E_TEMP_SENSOR");
    }

    @Test
    void aRepeatedRuleNeedsItsCountWithinTheWindow() {
        assertThat(point(0, Map.of("grinder_current_a", num(7)))).isEmpty();
        assertThat(point(700, Map.of("grinder_current_a", num(7)))).isEmpty();
        assertThat(point(800, Map.of("grinder_current_a", num(7)))).as("first hit is out of the window").isEmpty();
        assertThat(point(900, Map.of("grinder_current_a", num(8)))).extracting(FaultSignal::code).containsExactly("E_GRINDER_JAM");
    }

    @Test
    void silenceIsRaisedAfterItsTimeAndClearedByTheNextPoint() {
        point(0, Map.of("boiler_temp_c", num(90)));
        assertThat(engine.checkSilence(T0.plusSeconds(29 * 60))).isEmpty();
        assertThat(engine.checkSilence(T0.plusSeconds(31 * 60))).extracting(FaultSignal::code).containsExactly("DEVICE_SILENT");
        assertThat(engine.checkSilence(T0.plusSeconds(40 * 60))).as("raised once").isEmpty();
        assertThat(point(41 * 60, Map.of("boiler_temp_c", num(90)))).extracting(FaultSignal::kind).containsExactly(Kind.CLEAR);
    }

    @Test
    void deviceErrorsAndClearsBecomeSignals() {
        List<FaultSignal> raised = engine.onEvent("d1", MODEL, T0, T0,
                new DeviceEvent(T0, DeviceEvent.Kind.ERROR, "E_GRINDER_JAM", "jammed", Map.of()));
        List<FaultSignal> cleared = engine.onEvent("d1", MODEL, T0, T0,
                new DeviceEvent(T0, DeviceEvent.Kind.CLEARED, "E_GRINDER_JAM", null, Map.of()));
        assertThat(raised).extracting(FaultSignal::kind).containsExactly(Kind.RAISE);
        assertThat(cleared).extracting(FaultSignal::kind).containsExactly(Kind.CLEAR);
    }

    private List<FaultSignal> point(long second, Map<String, MetricValue> values) {
        Instant at = T0.plusSeconds(second);
        return engine.onTelemetry("d1", MODEL, at, at, values);
    }

    private static MetricValue num(double v) {
        return MetricValue.of(v);
    }

    private static MetricValue text(String v) {
        return MetricValue.of(v);
    }
}
