package care.m2m.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.CommandResult.Status;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.DeviceEvent.Kind;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.validation.TelemetryValidator;
import care.m2m.sim.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirmwareTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static Command command(String id, String action, Instant expiresAt) {
        return new Command(id, action, Map.of(), FirmwareHarness.START, expiresAt);
    }

    private static FirmwareHarness espressoWithReportedOverheat(double repairSuccess) {
        FirmwareHarness h = new FirmwareHarness(Behaviours.ESPRESSO, repairSuccess);
        h.firmware.planFault("E_BOILER_OVERHEAT", FirmwareHarness.START.plusSeconds(10));
        h.run(Duration.ofMinutes(15), TEN_SECONDS);
        return h;
    }

    @Test
    void anInjectedFaultIsReportedOnceAsAnErrorEventWhenItsSymptomShows() {
        FirmwareHarness h = espressoWithReportedOverheat(1);

        assertThat(h.events()).hasSize(1).first().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(Kind.ERROR);
            assertThat(event.code()).isEqualTo("E_BOILER_OVERHEAT");
            assertThat(event.data()).containsEntry("severity", "critical");
        });
    }

    @Test
    void aSuccessfulRepairIsAcceptedThenExecutedAndTheFaultClears() {
        FirmwareHarness h = espressoWithReportedOverheat(1);

        h.firmware.onCommand(command("cmd-1", "restart_heater", FirmwareHarness.START.plus(Duration.ofHours(1))));
        assertThat(h.results()).extracting(CommandResult::status).containsExactly(Status.ACCEPTED);
        assertThat(h.delays).containsExactly(Duration.ofSeconds(5));
        h.runScheduled();

        assertThat(h.results()).extracting(CommandResult::id, CommandResult::status, CommandResult::code)
                .containsExactly(tuple("cmd-1", Status.ACCEPTED, null),
                        tuple("cmd-1", Status.EXECUTED, 0));
        assertThat(h.events()).extracting(DeviceEvent::kind, DeviceEvent::code).last()
                .isEqualTo(tuple(Kind.CLEARED, "E_BOILER_OVERHEAT"));
        assertThat(h.firmware.activeFault()).isEmpty();
    }

    @Test
    void aFailedRepairAnswersFailedWithCode3AndTheFaultStays() {
        FirmwareHarness h = espressoWithReportedOverheat(0);

        h.firmware.onCommand(command("cmd-2", "restart_heater", null));
        h.runScheduled();

        assertThat(h.results()).last().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.code()).isEqualTo(CommandPolicy.REPAIR_FAILED);
        });
        assertThat(h.firmware.activeFault()).contains("E_BOILER_OVERHEAT");
        assertThat(h.events()).extracting(DeviceEvent::kind).doesNotContain(Kind.CLEARED);
    }

    @Test
    void anExpiredCommandIsRejectedAndNothingRuns() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.WASHER, 1);
        h.clock.advance(Duration.ofMinutes(2));

        h.firmware.onCommand(command("cmd-3", "reboot", FirmwareHarness.START.plusSeconds(60)));

        assertThat(h.results()).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.REJECTED);
            assertThat(result.code()).isEqualTo(CommandPolicy.EXPIRED);
        });
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void anUnknownActionIsRejectedWithCode1() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.CHARGER, 1);

        h.firmware.onCommand(command("cmd-4", "descale_cycle", null));

        assertThat(h.results()).singleElement().extracting(CommandResult::status, CommandResult::code)
                .containsExactly(Status.REJECTED, CommandPolicy.UNKNOWN_ACTION);
    }

    @Test
    void aRedeliveredCommandIsHandledOnlyOnce() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.CHARGER, 1);
        Command command = command("cmd-5", "reset_rcd", null);

        assertThat(h.firmware.onCommand(command)).as("first delivery is new").isTrue();
        assertThat(h.firmware.onCommand(command)).as("second delivery is a redelivery").isFalse();

        assertThat(h.results()).hasSize(1);
        assertThat(h.scheduled).hasSize(1);
    }

    @Test
    void aSecondCommandWhileTheFirstRunsIsRejectedAsBusy() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.HEAT_PUMP, 1);

        h.firmware.onCommand(command("cmd-6", "force_defrost", null));
        h.firmware.onCommand(command("cmd-7", "reboot", null));

        assertThat(h.results()).extracting(CommandResult::id, CommandResult::status).containsExactly(
                tuple("cmd-6", Status.ACCEPTED),
                tuple("cmd-7", Status.REJECTED));
    }

    @Test
    void anActionTakesItsModelDurationDividedBySpeedUpToTheCap() {
        FirmwareHarness fast = new FirmwareHarness(Behaviours.ESPRESSO, 60,
                new FirmwareSettings(1, 0, Duration.ofSeconds(5)));

        fast.firmware.onCommand(command("cmd-8", "clear_grinder", null));
        fast.runScheduled();
        fast.firmware.onCommand(command("cmd-9", "descale_cycle", null));

        assertThat(fast.delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    @Test
    void aRebootAnnouncesItselfWithABootEventAfterTheResult() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.WASHER, 1);

        h.firmware.onCommand(command("cmd-10", "reboot", null));
        h.runScheduled();

        assertThat(h.sent).last().isInstanceOfSatisfying(DeviceEvent.class,
                event -> assertThat(event.kind()).isEqualTo(Kind.BOOT));
    }

    @Test
    void aPlannedFaultWaitsUntilItsTime() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.WASHER, 1);
        h.firmware.planFault("E_DRAIN_BLOCKED", FirmwareHarness.START.plusSeconds(60));

        h.run(Duration.ofSeconds(50), TEN_SECONDS);
        assertThat(h.firmware.activeFault()).isEmpty();
        h.run(Duration.ofSeconds(10), TEN_SECONDS);
        assertThat(h.firmware.activeFault()).contains("E_DRAIN_BLOCKED");
    }

    @Test
    void aFaultOfAnotherModelCannotBePlanned() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.WASHER, 1);

        assertThatThrownBy(() -> h.firmware.planFault("E_OVERTEMP", FirmwareHarness.START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev-1").hasMessageContaining("E_OVERTEMP");
    }

    @Test
    void aHighFaultRateGivesRandomFaultsOfTheModel() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.HEAT_PUMP, 1,
                new FirmwareSettings(1, 1_000, Duration.ofSeconds(5)));

        h.run(TEN_SECONDS, TEN_SECONDS);

        assertThat(h.firmware.activeFault()).hasValueSatisfying(
                code -> assertThat(h.model.fault(code)).isPresent());
    }

    @Test
    void telemetryCarriesTheWallClockTimeACountingSequenceAndValidMetrics() {
        FirmwareHarness h = new FirmwareHarness(Behaviours.ESPRESSO, 1);
        h.run(TEN_SECONDS, TEN_SECONDS);

        Telemetry first = h.firmware.telemetry();
        Telemetry second = h.firmware.telemetry();

        assertThat(first.timestamp()).isEqualTo(FirmwareHarness.START.plusSeconds(10));
        assertThat(first.sequence()).isZero();
        assertThat(second.sequence()).isEqualTo(1);
        assertThat(first.firmware()).isEqualTo(Firmware.VERSION);
        TelemetryValidator.check(h.model, first);
    }
}
