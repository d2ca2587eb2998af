package care.m2m.sim.behaviour;

import static care.m2m.sim.behaviour.Simulation.bool;
import static care.m2m.sim.behaviour.Simulation.num;
import static care.m2m.sim.behaviour.Simulation.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.models.FaultSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Injected faults change the metric a technician would look at, and the firmware notices them. */
@Timeout(60)
class FaultSymptomsTest {

    private static final Duration SAMPLE = Duration.ofSeconds(10);

    static Stream<Arguments> symptoms() {
        return Stream.of(
                symptom(Behaviours.ESPRESSO, CoffeeMachine.OVERHEAT, "boiler above 130 °C and in error",
                        r -> num(r, "boiler_temp_c") > 130 && text(r, "state").equals("error")),
                symptom(Behaviours.ESPRESSO, CoffeeMachine.PUMP_LOW, "pressure below 6 bar while brewing",
                        r -> text(r, "state").equals("brewing") && num(r, "pump_pressure_bar") > 0
                                && num(r, "pump_pressure_bar") < 6),
                symptom(Behaviours.ESPRESSO, CoffeeMachine.GRINDER_JAM, "grinder current above 7 A",
                        r -> num(r, "grinder_current_a") > 7),
                symptom(Behaviours.ESPRESSO, CoffeeMachine.DESCALE_DUE, "300 cups or more since descaling",
                        r -> num(r, "cups_since_descale") >= 300),
                symptom(Behaviours.ESPRESSO, CoffeeMachine.TANK_EMPTY, "empty tank and error",
                        r -> num(r, "water_tank_ml") < 50 && text(r, "state").equals("error")),
                symptom(Behaviours.WASHER, WashingMachine.DRAIN_BLOCKED, "drain time above 600 s",
                        r -> num(r, "drain_time_s") > 600),
                symptom(Behaviours.WASHER, WashingMachine.UNBALANCED, "imbalance above 0.6, spin limited",
                        r -> num(r, "imbalance_index") > 0.6 && num(r, "drum_rpm") <= 410),
                symptom(Behaviours.WASHER, WashingMachine.WATER_INLET, "a trickle of inlet water",
                        r -> text(r, "phase").equals("fill") && num(r, "water_inlet_lpm") < 2),
                symptom(Behaviours.CHARGER, EvCharger.OVERTEMP, "connector above 85 °C",
                        r -> num(r, "connector_temp_c") > 85),
                symptom(Behaviours.CHARGER, EvCharger.RCD_TRIPPED, "no voltage, faulted",
                        r -> num(r, "voltage_v") == 0 && text(r, "state").equals("faulted")),
                symptom(Behaviours.CHARGER, EvCharger.OVERCURRENT, "current above what the car draws",
                        r -> num(r, "current_a") > 17),
                symptom(Behaviours.HEAT_PUMP, HeatPump.LOW_FLOW, "flow 12 K above return",
                        r -> num(r, "flow_temp_c") - num(r, "return_temp_c") > 12),
                symptom(Behaviours.HEAT_PUMP, HeatPump.HIGH_PRESSURE, "refrigerant above 42 bar",
                        r -> num(r, "refrigerant_pressure_bar") > 42),
                symptom(Behaviours.HEAT_PUMP, HeatPump.NO_HEAT, "compressor running at a COP below 1",
                        r -> num(r, "compressor_hz") > 20 && num(r, "cop") < 1),
                symptom(Behaviours.HEAT_PUMP, HeatPump.DEFROST_STUCK, "defrost still on after 30 minutes",
                        r -> bool(r, "defrost_active") && text(r, "state").equals("defrost")),
                symptom(Behaviours.HEAT_PUMP, HeatPump.COMPRESSOR_FAIL, "compressor stopped, in error",
                        r -> num(r, "compressor_hz") == 0 && text(r, "state").equals("error")));
    }

    private static Arguments symptom(String model, String fault, String what, Predicate<Map<String, MetricValue>> seen) {
        return Arguments.of(model, fault, what, seen);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("symptoms")
    void aFaultShowsInItsMetricWithinTwoHours(String model, String fault, String what,
                                              Predicate<Map<String, MetricValue>> seen) {
        for (long seed = 0; seed < 5; seed++) {
            Simulation sim = new Simulation(model, seed);
            sim.product.injectFault(fault);

            assertThat(sim.runUntil(seen, SAMPLE, Duration.ofHours(2))).as("%s, seed %d", what, seed).isTrue();
        }
    }

    static Stream<Arguments> everyFault() {
        return DeviceModels.builtIn().all().stream()
                .flatMap(m -> m.faults().stream().map(FaultSpec::code).map(code -> Arguments.of(m.id(), code)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyFault")
    void theFirmwareNoticesEveryFaultWithinHalfAnHourAndForgetsItOnceCleared(String model, String fault) {
        Simulation sim = new Simulation(model, 7);
        sim.product.injectFault(fault);

        assertThat(sim.runUntil(r -> sim.product.faultNoticed(), SAMPLE, Duration.ofMinutes(30))).isTrue();
        sim.product.clearFault();
        sim.step(SAMPLE);
        assertThat(sim.product.activeFault()).isEmpty();
        assertThat(sim.product.faultNoticed()).isFalse();
    }

    @Test
    void anOverheatedBoilerCoolsBackOnceTheHeaterIsRestarted() {
        Simulation sim = new Simulation(Behaviours.ESPRESSO, 3);
        sim.product.injectFault(CoffeeMachine.OVERHEAT);
        sim.runUntil(r -> num(r, "boiler_temp_c") > 130, SAMPLE, Duration.ofHours(1));

        sim.product.actionStarted("restart_heater");
        sim.product.clearFault();
        sim.product.actionFinished("restart_heater", true);

        assertThat(sim.runUntil(r -> num(r, "boiler_temp_c") < 100 && !text(r, "state").equals("error"), SAMPLE,
                Duration.ofHours(2))).isTrue();
    }

    @Test
    void descalingRestoresTheBrewingPressure() {
        Simulation sim = new Simulation(Behaviours.ESPRESSO, 4);
        sim.product.injectFault(CoffeeMachine.DESCALE_DUE);
        sim.product.actionStarted("descale_cycle");
        assertThat(text(sim.step(SAMPLE), "state")).isEqualTo("descaling");

        sim.product.clearFault();
        sim.product.actionFinished("descale_cycle", true);

        assertThat(num(sim.step(SAMPLE), "cups_since_descale")).isZero();
    }

    @Test
    void aFaultTheModelDoesNotDeclareIsRefused() {
        Simulation sim = new Simulation(Behaviours.WASHER, 1);

        assertThatThrownBy(() -> sim.product.injectFault("E_BOILER_OVERHEAT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("washer-front-w7");
    }
}
