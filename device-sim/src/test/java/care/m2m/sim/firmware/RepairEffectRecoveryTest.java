package care.m2m.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.effect.ProportionDifference;
import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Tip;
import care.m2m.gateway.repair.RepairAssignment.Arm;
import care.m2m.gateway.repair.RepairHoldout;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A known effect of repairs on repeat faults, simulated by the firmware and recovered by the gateway's measurement.
 * Each fault runs on its own simulated espresso machine: faults held out of self-repair (the gateway's own
 * {@link RepairHoldout}, 30 %) get the self-service tip at once; the others get the repair command, which clears
 * the fault with probability 0.8 and otherwise climbs to the tip. The customer always follows the tip and fixes
 * the fault by hand. A repaired fault comes back with probability 0.1, a fault fixed by hand with 0.4, so the
 * repeat rate of the repair arm is 0.8 × 0.1 + 0.2 × 0.4 = 0.16 against 0.4 held out: a true difference of -0.24.
 */
class RepairEffectRecoveryTest {

    private static final int FAULTS = 2000;
    private static final double TRUE_DIFFERENCE = 0.8 * 0.1 + 0.2 * 0.4 - 0.4;
    private static final Tip SELF_SERVICE = new Tip("tip-fault", FirmwareHarness.START, Firmware.SELF_SERVICE,
            "Boiler overheated", "Let it cool, then restart it");

    @Test
    void theMeasuredDifferenceInRepeatFaultsRecoversTheSimulatedOneWithinItsInterval() {
        RepairHoldout holdout = new RepairHoldout(0.3);
        FirmwareSettings settings = new FirmwareSettings(0.8, 0, Duration.ofSeconds(5), 1, 0, 0.1, 0.4);
        long[] repeats = new long[2];
        long[] faults = new long[2];
        for (int i = 0; i < FAULTS; i++) {
            Arm arm = holdout.arm("fault-" + i);
            int group = arm == Arm.REPAIR ? 0 : 1;
            faults[group]++;
            if (comesBack(arm, settings, i)) {
                repeats[group]++;
            }
        }
        ProportionDifference measured = ProportionDifference.of(repeats[0], faults[0], repeats[1], faults[1], 0.95);
        System.out.printf("repair effect on repeat faults: simulated %.3f, measured %.3f [%.3f, %.3f] "
                        + "(repaired %d/%d = %.3f, held out %d/%d = %.3f)%n", TRUE_DIFFERENCE, measured.difference(),
                measured.low(), measured.high(), repeats[0], faults[0], measured.treatedRate(), repeats[1], faults[1],
                measured.controlRate());

        assertThat(measured.low()).isLessThanOrEqualTo(TRUE_DIFFERENCE);
        assertThat(measured.high()).isGreaterThanOrEqualTo(TRUE_DIFFERENCE);
        assertThat(measured.significant()).as("2,000 faults are enough to see it").isTrue();
    }

    /** One fault on its own machine: raised, repaired or fixed by hand as its arm says, then watched for two hours. */
    private static boolean comesBack(Arm arm, FirmwareSettings settings, long seed) {
        FirmwareHarness h = new FirmwareHarness("coffee-espresso-x1", 60, settings, seed);
        h.firmware.planFault("E_BOILER_OVERHEAT", FirmwareHarness.START.plusSeconds(1));
        h.run(Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(errors(h)).as("the fault was reported").isEqualTo(1);
        if (arm == Arm.REPAIR) {
            Instant now = h.clock.instant();
            h.firmware.onCommand(new Command("cmd-" + seed, "restart_heater", Map.of(), now, now.plusSeconds(600)));
            h.runScheduled();
        }
        if (h.firmware.activeFault().isPresent()) {
            h.firmware.onTip(SELF_SERVICE);
        }
        assertThat(h.firmware.activeFault()).as("repaired or fixed by hand").isEmpty();
        h.run(Duration.ofMinutes(2), Duration.ofSeconds(1));
        return errors(h) > 1;
    }

    private static long errors(FirmwareHarness h) {
        return h.events().stream().filter(e -> e.kind() == DeviceEvent.Kind.ERROR).count();
    }
}
