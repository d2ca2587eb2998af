package care.m2m.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult.Status;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandPolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-14T09:00:00Z");
    private final DeviceModel espresso = DeviceModels.builtIn().require("coffee-espresso-x1");

    private static Command command(String action, Instant expiresAt) {
        return new Command("c-1", action, Map.of(), NOW.minusSeconds(5), expiresAt);
    }

    @Test
    void anExpiredCommandIsRejectedWithCode2() {
        CommandPolicy.Decision decision = CommandPolicy.decide(command("descale_cycle", NOW.minusMillis(1)), espresso,
                NOW, null);

        assertThat(decision).isEqualTo(new CommandPolicy.Reject(CommandPolicy.EXPIRED, "expired at "
                + NOW.minusMillis(1)));
    }

    @Test
    void anActionTheModelDoesNotHaveIsRejectedWithCode1() {
        CommandPolicy.Decision decision = CommandPolicy.decide(command("force_defrost", null), espresso, NOW, null);

        assertThat(decision).isInstanceOfSatisfying(CommandPolicy.Reject.class, reject -> {
            assertThat(reject.code()).isEqualTo(CommandPolicy.UNKNOWN_ACTION);
            assertThat(reject.text()).contains("force_defrost", "coffee-espresso-x1");
        });
    }

    @Test
    void aCommandWhileAnotherActionRunsIsRejectedAsBusy() {
        CommandPolicy.Decision decision = CommandPolicy.decide(command("reboot", NOW.plusSeconds(60)), espresso, NOW,
                "descale_cycle");

        assertThat(decision).isInstanceOfSatisfying(CommandPolicy.Reject.class,
                reject -> assertThat(reject.code()).isEqualTo(CommandPolicy.BUSY));
    }

    @Test
    void aKnownActionWithoutExpiryRuns() {
        CommandPolicy.Decision decision = CommandPolicy.decide(command("reboot", null), espresso, NOW, null);

        assertThat(decision).isInstanceOfSatisfying(CommandPolicy.Run.class,
                run -> assertThat(run.action().name()).isEqualTo("reboot"));
    }

    @Test
    void aRepairActionClearsItsFaultWhenTheRollIsBelowTheSuccessProbability() {
        CommandPolicy.Outcome outcome = CommandPolicy.finish("restart_heater", espresso,
                Optional.of("E_BOILER_OVERHEAT"), 0.79, 0.8);

        assertThat(outcome).isEqualTo(new CommandPolicy.Outcome(Status.EXECUTED, CommandPolicy.OK,
                "restart_heater done, E_BOILER_OVERHEAT cleared", true));
    }

    @Test
    void aRepairActionThatDoesNotWorkFailsWithCode3AndTheFaultStays() {
        CommandPolicy.Outcome outcome = CommandPolicy.finish("restart_heater", espresso,
                Optional.of("E_BOILER_OVERHEAT"), 0.8, 0.8);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.code()).isEqualTo(CommandPolicy.REPAIR_FAILED);
        assertThat(outcome.clearsFault()).isFalse();
    }

    @Test
    void anActionThatIsNoRepairForTheActiveFaultJustExecutes() {
        CommandPolicy.Outcome outcome = CommandPolicy.finish("clear_grinder", espresso,
                Optional.of("E_BOILER_OVERHEAT"), 0.0, 1.0);

        assertThat(outcome.status()).isEqualTo(Status.EXECUTED);
        assertThat(outcome.clearsFault()).isFalse();
    }

    @Test
    void anyListedRepairActionOfTheFaultCounts() {
        CommandPolicy.Outcome outcome = CommandPolicy.finish("reboot", espresso, Optional.of("E_TEMP_SENSOR"), 0.1,
                0.8);

        assertThat(outcome.clearsFault()).isTrue();
    }
}
