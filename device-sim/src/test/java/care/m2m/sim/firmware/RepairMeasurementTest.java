package care.m2m.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.Command;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.stats.Summary;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The firmware tells the run when it reported a fault and when the repair command came: GIVEN an espresso machine
 * whose boiler overheats and which reported it, WHEN the gateway's repair command arrives, THEN the latency from the
 * report and from the fault's onset is recorded once, retries are counted but not measured, and a repair that
 * clears the fault is counted as cleared.
 */
class RepairMeasurementTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static Command command(String id, String action) {
        return new Command(id, action, Map.of(), FirmwareHarness.START, null);
    }

    private static FirmwareHarness reportedOverheat(double repairSuccess) {
        FirmwareHarness h = new FirmwareHarness(Behaviours.ESPRESSO, repairSuccess);
        h.firmware.planFault("E_BOILER_OVERHEAT", FirmwareHarness.START.plusSeconds(10));
        h.run(Duration.ofMinutes(15), TEN_SECONDS);
        return h;
    }

    @Test
    void theFirstRepairCommandIsMeasuredFromTheFaultEvent() {
        FirmwareHarness h = reportedOverheat(1);
        assertThat(h.repairs.snapshot().faultsReported()).isEqualTo(1);

        h.clock.advance(Duration.ofSeconds(7));
        h.firmware.onCommand(command("cmd-1", "restart_heater"));
        h.runScheduled();

        Summary.Repairs repairs = h.repairs.snapshot();
        assertThat(repairs.repairCommands()).isEqualTo(1);
        assertThat(repairs.repairsCleared()).isEqualTo(1);
        assertThat(repairs.faultToCommandMs().count()).isEqualTo(1);
        assertThat(repairs.faultToCommandMs().max()).as("at least the 7 s after the report")
                .isGreaterThanOrEqualTo(7_000).isLessThan(7_000 + 15 * 60_000);
        assertThat(repairs.onsetToCommandMs().max()).isGreaterThanOrEqualTo(repairs.faultToCommandMs().max());
        assertThat(repairs.commandsBeforeReport()).isZero();
    }

    @Test
    void aFailedRepairAndItsRetryAreTwoCommandsOneMeasurementAndNothingCleared() {
        FirmwareHarness h = reportedOverheat(0);

        h.firmware.onCommand(command("cmd-1", "restart_heater"));
        h.runScheduled();
        h.firmware.onCommand(command("cmd-2", "restart_heater"));
        h.runScheduled();

        Summary.Repairs repairs = h.repairs.snapshot();
        assertThat(repairs.repairCommands()).isEqualTo(2);
        assertThat(repairs.faultToCommandMs().count()).isEqualTo(1);
        assertThat(repairs.repairsCleared()).isZero();
    }

    @Test
    void aCommandThatIsNoRepairForTheActiveFaultIsNotCounted() {
        FirmwareHarness h = reportedOverheat(1);

        h.firmware.onCommand(command("cmd-1", "descale_cycle"));

        assertThat(h.repairs.snapshot().repairCommands()).isZero();
        assertThat(h.repairs.snapshot().faultToCommandMs().count()).isZero();
    }
}
