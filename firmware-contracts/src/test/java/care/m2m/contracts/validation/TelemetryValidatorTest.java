package care.m2m.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.validation.ContractViolation.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryValidatorTest {

    private final DeviceModel espresso = DeviceModels.builtIn().require("coffee-espresso-x1");

    @Test
    void telemetry_inside_the_profile_passes() {
        Telemetry ok = telemetry(Map.of("boiler_temp_c", MetricValue.of(93.5), "brew_count_total",
                MetricValue.of(2381), "state", MetricValue.of("ready")));

        assertThatCode(() -> TelemetryValidator.check(espresso, ok)).doesNotThrowAnyException();
    }

    @Test
    void an_unknown_metric_names_the_model() {
        ContractViolation e = failure(Map.of("milk_temp_c", MetricValue.of(60)));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_METRIC);
        assertThat(e.violations()).containsExactly(
                new Violation("$.metrics.milk_temp_c", "a metric of model coffee-espresso-x1", "milk_temp_c"));
    }

    @Test
    void a_value_outside_the_range_states_range_and_unit() {
        ContractViolation e = failure(Map.of("boiler_temp_c", MetricValue.of(250)));

        assertThat(e.reason()).isEqualTo(Reason.OUT_OF_RANGE);
        assertThat(e.violations()).containsExactly(
                new Violation("$.metrics.boiler_temp_c", "number in [0.0, 160.0] °C", "250.0"));
    }

    @Test
    void an_enum_value_outside_its_set_is_out_of_range() {
        ContractViolation e = failure(Map.of("state", MetricValue.of("boiling")));

        assertThat(e.reason()).isEqualTo(Reason.OUT_OF_RANGE);
        assertThat(e.violations().getFirst().expected())
                .isEqualTo("one of [off, standby, heating, ready, brewing, descaling, error]");
    }

    @Test
    void a_type_mismatch_is_a_schema_violation_and_integers_must_be_whole() {
        DeviceModel washer = DeviceModels.builtIn().require("washer-front-w7");
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("door_locked", MetricValue.of("yes"));
        metrics.put("cycle_count_total", MetricValue.of(12.5));

        ContractViolation e = catchThrowableOfType(ContractViolation.class,
                () -> TelemetryValidator.check(washer, telemetry(metrics)));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).containsExactly(
                new Violation("$.metrics.door_locked", "boolean", "string \"yes\""),
                new Violation("$.metrics.cycle_count_total", "a whole number", "number 12.5"));
    }

    @Test
    void all_problems_are_reported_at_once_under_the_most_telling_reason() {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("state", MetricValue.of(true));
        metrics.put("boiler_temp_c", MetricValue.of(-3));
        metrics.put("milk_temp_c", MetricValue.of(60));

        ContractViolation e = failure(metrics);

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_METRIC);
        assertThat(e.violations()).extracting(Violation::path)
                .containsExactly("$.metrics.state", "$.metrics.boiler_temp_c", "$.metrics.milk_temp_c");
        metrics.remove("milk_temp_c");
        assertThat(failure(metrics).reason()).isEqualTo(Reason.OUT_OF_RANGE);
    }

    @Test
    void error_warning_and_cleared_events_must_name_a_fault_of_the_model() {
        DeviceEvent known = new DeviceEvent(null, DeviceEvent.Kind.ERROR, "E_GRINDER_JAM", null, Map.of());
        DeviceEvent unknown = new DeviceEvent(null, DeviceEvent.Kind.CLEARED, "E_MILK_FROTHER", null, Map.of());
        DeviceEvent boot = new DeviceEvent(null, DeviceEvent.Kind.BOOT, null, null, Map.of());

        assertThatCode(() -> TelemetryValidator.check(espresso, known)).doesNotThrowAnyException();
        assertThatCode(() -> TelemetryValidator.check(espresso, boot)).doesNotThrowAnyException();
        ContractViolation e = catchThrowableOfType(ContractViolation.class,
                () -> TelemetryValidator.check(espresso, unknown));
        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).containsExactly(
                new Violation("$.code", "a fault code of model coffee-espresso-x1", "E_MILK_FROTHER"));
    }

    private ContractViolation failure(Map<String, MetricValue> metrics) {
        ContractViolation e = catchThrowableOfType(ContractViolation.class,
                () -> TelemetryValidator.check(espresso, telemetry(metrics)));
        assertThat(e).as("check must fail").isNotNull();
        return e;
    }

    private static Telemetry telemetry(Map<String, MetricValue> metrics) {
        return Telemetry.of(null, metrics);
    }
}
