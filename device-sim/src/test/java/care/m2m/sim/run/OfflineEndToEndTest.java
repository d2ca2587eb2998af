package care.m2m.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.topics.MessageType;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.FirmwareSettings;
import care.m2m.sim.provision.DeviceCredentials;
import care.m2m.sim.stats.Summary;
import care.m2m.sim.transport.Protocol;
import care.m2m.testkit.MosquittoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Devices that go offline on their own (--offline-rate) against a real broker: GIVEN a device that drops its
 * connection about once a second (speed 60, 60 episodes per simulated hour, each 0.5 to 5 s of real time), WHEN a
 * command is sent while it is away, THEN the broker keeps it in the device's session and the device, back online
 * and subscribed again, executes it; episodes are counted, they are no connection losses and no message fails.
 */
@Timeout(120)
class OfflineEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private final MosquittoServer mosquitto = MosquittoServer.shared();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MQTT5, CLEAN", "MQTT5, ABRUPT", "MQTT3, ABRUPT"})
    void aDeviceComesBackAndReceivesTheCommandSentWhileItWasAway(Protocol protocol, OfflineSettings.Kind kind)
            throws Exception {
        String device = "offline-" + UUID.randomUUID().toString().substring(0, 8);
        RunSettings settings = new RunSettings(mosquitto.url(), protocol, Encoding.JSON, 5, Duration.ZERO, 60, 10,
                200, 5, new FirmwareSettings(1, 0, Duration.ofMillis(200)), List.of(), Duration.ofSeconds(10),
                Duration.ZERO, ZoneOffset.UTC, new OfflineSettings(60, kind));
        FleetRunner runner = new FleetRunner(settings, List.of(new DeviceCredentials(device, Behaviours.CHARGER, null)),
                DeviceModels.builtIn(), new PrintWriter(new StringWriter()));
        try (Broker broker = new Broker(mosquitto.url())) {
            CompletableFuture<Summary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run();
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            await().atMost(WAIT).until(() -> runner.snapshot().offlineEpisodes() >= 1
                    && runner.snapshot().connected() == 0);

            Instant now = Instant.now();
            broker.send(device, MessageType.COMMANDS, new Command("while-away", "reset_rcd", Map.of(), now,
                    now.plusSeconds(60)));

            await().atMost(WAIT).until(() -> results(broker).stream().anyMatch(r -> r.id().equals("while-away")
                    && r.status() == CommandResult.Status.EXECUTED));
            await().atMost(WAIT).until(() -> runner.snapshot().offlineEpisodes() >= 2
                    && runner.snapshot().connected() == 1);
            long telemetryBefore = broker.of(MessageType.TELEMETRY).size();
            await().atMost(WAIT).until(() -> broker.of(MessageType.TELEMETRY).size() > telemetryBefore);
            runner.requestStop();
            Summary summary = run.get(30, TimeUnit.SECONDS);

            assertThat(summary.offlineEpisodes()).isGreaterThanOrEqualTo(2);
            assertThat(summary.connectionLosses()).isZero();
            assertThat(summary.commands().received()).as("distinct commands; QoS 1 may redeliver one cut off before "
                    + "its PUBACK, the firmware ignores the copy").isEqualTo(1);
            assertThat(summary.failed()).isZero();
            assertThat(summary.deferred()).as("samples while away").isPositive();
        }
    }

    private static List<CommandResult> results(Broker broker) {
        return broker.of(MessageType.COMMAND_RESULTS).stream()
                .map(r -> MessageCodec.shared().decodeCommandResult(r.payload(), r.encoding())).toList();
    }
}
