package care.m2m.contracts.models;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import care.m2m.contracts.models.FaultSpec.Severity;
import care.m2m.contracts.models.MetricSpec.Type;
import care.m2m.contracts.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceModelsTest {

    private final ModelCatalog builtIn = DeviceModels.builtIn();

    @Test
    void ships_the_four_models_the_simulator_relies_on() {
        assertThat(builtIn.all()).extracting(DeviceModel::id)
                .containsExactly("coffee-espresso-x1", "ev-charger-ac22", "heatpump-air-w9", "washer-front-w7");
        assertThat(builtIn.all()).extracting(DeviceModel::category)
                .containsExactly("coffee_machine", "ev_charger", "heat_pump", "washing_machine");
    }

    @Test
    void every_model_declares_exactly_the_agreed_metric_names() {
        assertThat(metricNames("coffee-espresso-x1")).containsExactly("boiler_temp_c", "pump_pressure_bar",
                "water_tank_ml", "grinder_current_a", "power_w", "energy_wh_total", "brew_count_total",
                "cups_since_descale", "water_hardness_dh", "state");
        assertThat(metricNames("heatpump-air-w9")).containsExactly("flow_temp_c", "return_temp_c",
                "outdoor_temp_c", "indoor_temp_c", "setpoint_c", "dhw_temp_c", "compressor_hz", "power_w",
                "energy_wh_total", "heat_wh_total", "cop", "refrigerant_pressure_bar", "defrost_active", "state");
        assertThat(metricNames("washer-front-w7")).containsExactly("drum_rpm", "water_temp_c", "water_inlet_lpm",
                "power_w", "energy_wh_total", "cycle_count_total", "drain_time_s", "imbalance_index", "door_locked",
                "program", "phase");
        assertThat(metricNames("ev-charger-ac22")).containsExactly("power_w", "current_a", "voltage_v",
                "energy_wh_total", "session_energy_wh", "connector_temp_c", "vehicle_connected", "state");
    }

    @Test
    void the_espresso_profile_carries_ranges_units_faults_and_repairs() {
        DeviceModel espresso = builtIn.require("coffee-espresso-x1");

        MetricSpec boiler = espresso.metric("boiler_temp_c").orElseThrow();
        assertThat(boiler).extracting(MetricSpec::type, MetricSpec::min, MetricSpec::max, MetricSpec::unit,
                MetricSpec::samplingSeconds).containsExactly(Type.NUMBER, 0.0, 160.0, "°C", 10);
        assertThat(espresso.metric("brew_count_total").orElseThrow().counter()).isTrue();
        assertThat(espresso.metric("state").orElseThrow().values())
                .containsExactly("off", "standby", "heating", "ready", "brewing", "descaling", "error");
        assertThat(espresso.fault("E_TEMP_SENSOR").orElseThrow().repairActions())
                .containsExactly("recalibrate_temp_sensor", "reboot");
        FaultSpec empty = espresso.fault("E_WATER_TANK_EMPTY").orElseThrow();
        assertThat(empty.severity()).isEqualTo(Severity.INFO);
        assertThat(empty.isSelfRepairable()).isFalse();
        assertThat(empty.customerTip()).containsIgnoringCase("refill the water tank");
        assertThat(espresso.action("firmware_rollback")).isPresent();
        assertThat(espresso.metric("milk_temp_c")).isEmpty();
    }

    @Test
    void faults_without_self_repair_are_the_ones_that_need_a_person_or_the_customer() {
        DeviceModel charger = builtIn.require("ev-charger-ac22");

        assertThat(charger.faults()).filteredOn(f -> !f.isSelfRepairable()).extracting(FaultSpec::code)
                .containsExactly("E_GROUND_FAULT", "E_CONTACTOR_STUCK");
        assertThat(builtIn.require("heatpump-air-w9").fault("E_NO_HEAT").orElseThrow().repairActions())
                .containsExactly("restart_compressor", "reboot");
    }

    @Test
    void an_unknown_model_id_is_named_together_with_the_known_ones() {
        assertThat(builtIn.find("toaster-t1")).isEmpty();
        assertThatThrownBy(() -> builtIn.require("toaster-t1")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("toaster-t1").hasMessageContaining("coffee-espresso-x1");
    }

    @Test
    void a_folder_adds_models_and_replaces_built_ins_with_the_same_id(@TempDir Path dir) throws IOException {
        String espresso = builtInJson("coffee-espresso-x1").replace("\"Espresso X1\"", "\"Espresso X1 (patched)\"");
        Files.writeString(dir.resolve("espresso.json"), espresso);
        Files.writeString(dir.resolve("toaster.json"), builtInJson("washer-front-w7")
                .replace("washer-front-w7", "toaster-t1"));
        Files.writeString(dir.resolve("notes.txt"), "not a model");

        ModelCatalog catalog = DeviceModels.load(dir);

        assertThat(catalog.all()).hasSize(5);
        assertThat(catalog.require("coffee-espresso-x1").name()).isEqualTo("Espresso X1 (patched)");
        assertThat(catalog.find("toaster-t1")).isPresent();
    }

    @Test
    void a_broken_model_file_is_refused_with_file_and_field(@TempDir Path dir) throws IOException {
        String broken = builtInJson("coffee-espresso-x1").replace("\"severity\": \"critical\"", "\"severity\": \"dire\"");
        Path file = dir.resolve("espresso.json");
        Files.writeString(file, broken);

        InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> DeviceModels.load(dir));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.violations()).extracting(Violation::path).containsExactly("$.faults[0].severity");
    }

    @Test
    void a_repair_action_the_model_does_not_declare_is_an_inconsistent_model() throws IOException {
        String json = builtInJson("coffee-espresso-x1").replace("\"clear_grinder\"\n", "\"shake_grinder\"\n");

        assertThatThrownBy(() -> DeviceModels.read(json.getBytes(UTF_8), "test"))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("shake_grinder");
    }

    @Test
    void an_enum_metric_without_values_breaks_the_model_schema() throws IOException {
        String json = builtInJson("washer-front-w7").replaceFirst("\"values\": \\[[^]]*]", "\"unit\": \"\"");

        assertThatThrownBy(() -> DeviceModels.read(json.getBytes(UTF_8), "test"))
                .isInstanceOf(InvalidModelException.class);
    }

    @Test
    void a_metric_named_like_what_the_stores_keep_beside_it_is_refused() throws IOException {
        String json = builtInJson("coffee-espresso-x1").replace("\"water_hardness_dh\"", "\"time\"");

        assertThatThrownBy(() -> DeviceModels.read(json.getBytes(UTF_8), "test"))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("time").hasMessageContaining("reserved");
    }

    private java.util.List<String> metricNames(String model) {
        return builtIn.require(model).metrics().stream().map(MetricSpec::name).toList();
    }

    private static String builtInJson(String id) throws IOException {
        try (var in = DeviceModels.class.getClassLoader().getResourceAsStream(DeviceModels.FOLDER + id + ".json")) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
