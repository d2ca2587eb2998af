package care.m2m.sim.behaviour;

import static care.m2m.sim.behaviour.Simulation.bool;
import static care.m2m.sim.behaviour.Simulation.num;
import static care.m2m.sim.behaviour.Simulation.text;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.MetricValue;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The products are used the way households use them, which is what the usage advisor learns from. */
@Timeout(60)
class UsagePatternsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theCoffeeMachineBrewsMostlyAtBreakfastAndLunchAtAbout93Degrees() {
        int morningOrLunch = 0;
        int otherHours = 0;
        for (long seed = 0; seed < 5; seed++) {
            Simulation sim = new Simulation(Behaviours.ESPRESSO, seed, Simulation.MONDAY_MIDNIGHT);
            for (int i = 0; i < 5 * 24 * 60; i++) {
                Map<String, MetricValue> r = sim.step(MINUTE);
                if (text(r, "state").equals("ready")) {
                    assertThat(num(r, "boiler_temp_c")).isBetween(88.0, 97.0);
                }
                if (text(r, "state").equals("brewing")) {
                    int hour = sim.product.now().atZone(ZoneOffset.UTC).getHour();
                    if (hour >= 6 && hour < 9 || hour >= 11 && hour < 14) {
                        morningOrLunch++;
                    } else {
                        otherHours++;
                    }
                }
            }
        }
        assertThat(morningOrLunch).isGreaterThan(otherHours);
    }

    @Test
    void theHeatPumpHoldsTheRoomNearItsSetpointAndDefrostsInColdHumidWeather() {
        Set<String> states = new HashSet<>();
        double deviation = 0;
        int samples = 0;
        for (long seed = 0; seed < 6; seed++) {
            Simulation sim = new Simulation(Behaviours.HEAT_PUMP, seed);
            sim.step(Duration.ofHours(12));
            for (int i = 0; i < 3 * 24 * 60; i++) {
                Map<String, MetricValue> r = sim.step(MINUTE);
                states.add(text(r, "state"));
                double off = Math.abs(num(r, "indoor_temp_c") - num(r, "setpoint_c"));
                assertThat(off).as("after a night setback the house takes a while to warm up").isLessThan(3.5);
                deviation += off;
                samples++;
                if (text(r, "state").equals("heating") && num(r, "compressor_hz") > 30) {
                    assertThat(num(r, "cop")).isBetween(1.2, 7.0);
                }
                if (text(r, "state").equals("defrost")) {
                    assertThat(bool(r, "defrost_active")).isTrue();
                }
            }
        }
        assertThat(deviation / samples).isLessThan(1.0);
        assertThat(states).contains("heating", "dhw", "defrost");
    }

    @Test
    void theWasherRunsAFewCyclesAWeekThroughEveryPhase() {
        Simulation sim = new Simulation(Behaviours.WASHER, 2, Simulation.MONDAY_MIDNIGHT);
        double firstCount = num(sim.step(MINUTE), "cycle_count_total");
        Set<String> phases = new HashSet<>();
        double maxPowerWhileWashing = 0;
        double maxRpm = 0;
        for (int i = 0; i < 14 * 24 * 60; i++) {
            Map<String, MetricValue> r = sim.step(MINUTE);
            phases.add(text(r, "phase"));
            if (text(r, "phase").equals("wash")) {
                maxPowerWhileWashing = Math.max(maxPowerWhileWashing, num(r, "power_w"));
            }
            maxRpm = Math.max(maxRpm, num(r, "drum_rpm"));
        }
        double cycles = num(sim.step(MINUTE), "cycle_count_total") - firstCount;
        assertThat(cycles).isBetween(2.0, 16.0);
        assertThat(phases).contains("idle", "fill", "wash", "rinse", "spin", "drain", "done");
        assertThat(maxPowerWhileWashing).isGreaterThan(1900);
        assertThat(maxRpm).isGreaterThan(700);
    }

    @Test
    void theChargerChargesInTheEveningAtAbout11Kilowatts() {
        int eveningPlugIns = 0;
        for (long seed = 0; seed < 5; seed++) {
            Simulation sim = new Simulation(Behaviours.CHARGER, seed, Simulation.MONDAY_MIDNIGHT);
            boolean wasConnected = false;
            for (int i = 0; i < 5 * 24 * 60; i++) {
                Map<String, MetricValue> r = sim.step(MINUTE);
                boolean connected = bool(r, "vehicle_connected");
                int hour = sim.product.now().atZone(ZoneOffset.UTC).getHour();
                if (connected && !wasConnected && hour >= 17 && hour < 21) {
                    eveningPlugIns++;
                }
                wasConnected = connected;
                if (text(r, "state").equals("charging") && num(r, "current_a") > 15.5 && num(r, "current_a") < 16.5) {
                    assertThat(num(r, "power_w")).isBetween(10_000.0, 11_600.0);
                }
            }
        }
        assertThat(eveningPlugIns).isGreaterThanOrEqualTo(10);
    }
}
