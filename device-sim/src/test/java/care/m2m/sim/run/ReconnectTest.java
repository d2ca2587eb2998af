package care.m2m.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Like real firmware, simulated devices ride out a broker restart: they reconnect by themselves and go on. */
@Timeout(120)
class ReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private final MosquittoServer mosquitto = MosquittoServer.shared();

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"MQTT5", "MQTT3"})
    void devicesReconnectAfterTheBrokerRestartsAndKeepPublishing(Protocol protocol) throws Exception {
        String prefix = "reconnect-" + UUID.randomUUID().toString().substring(0, 8);
        List<DeviceCredentials> fleet = List.of(new DeviceCredentials(prefix + "-1", Behaviours.CHARGER, null),
                new DeviceCredentials(prefix + "-2", Behaviours.WASHER, null));
        RunSettings settings = new RunSettings(mosquitto.url(), protocol, Encoding.JSON, 5, Duration.ZERO, 1, 10, 200,
                3, new FirmwareSettings(1, 0, Duration.ofSeconds(1)), List.of(), Duration.ofSeconds(5),
                Duration.ZERO, ZoneOffset.UTC);
        FleetRunner runner = new FleetRunner(settings, fleet, DeviceModels.builtIn(), new PrintWriter(new StringWriter()));
        CompletableFuture<Summary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run();
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(WAIT).until(() -> runner.snapshot().connected() == 2 && runner.snapshot().acknowledged() > 10);

        mosquitto.stop();
        await().atMost(WAIT).until(() -> runner.snapshot().connected() == 0);
        mosquitto.start();

        try (Broker observer = new Broker(mosquitto.url())) {
            await().atMost(WAIT).until(() -> fleet.stream().allMatch(device -> observer.of(MessageType.TELEMETRY)
                    .stream().anyMatch(r -> r.topic().deviceId().equals(device.id()))));
        }
        runner.requestStop();
        Summary summary = run.get(30, TimeUnit.SECONDS);

        assertThat(summary.connectionLosses()).isGreaterThanOrEqualTo(2);
        assertThat(summary.devicesConnected()).isEqualTo(2);
        assertThat(summary.acknowledged()).isPositive();
        assertThat(summary.deferred()).as("samples while the broker was away").isPositive();
    }
}
