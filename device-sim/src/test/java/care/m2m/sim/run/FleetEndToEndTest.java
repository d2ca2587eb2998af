package care.m2m.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceConfig;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.TelemetryValidator;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.FaultInjection;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator against a real broker (Mosquitto accepts anonymous clients, so the secrets are ignored): every
 * telemetry message that arrives decodes and fits its model, an injected fault is raised, and a repair command
 * sent by another client is accepted, executed and clears the fault.
 */
@Timeout(120)
class FleetEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ModelCatalog catalog = DeviceModels.builtIn();
    private final MosquittoServer mosquitto = MosquittoServer.shared();

    private static List<DeviceCredentials> fleet(String prefix) {
        return List.of(new DeviceCredentials(prefix + "-espresso", Behaviours.ESPRESSO, "s1"),
                new DeviceCredentials(prefix + "-heatpump", Behaviours.HEAT_PUMP, "s2"),
                new DeviceCredentials(prefix + "-washer", Behaviours.WASHER, "s3"),
                new DeviceCredentials(prefix + "-charger", Behaviours.CHARGER, "s4"));
    }

    private RunSettings settings(String url, Protocol protocol, Encoding encoding, List<FaultInjection> faults) {
        return new RunSettings(url, protocol, encoding, 5, Duration.ZERO, 60, 10, 200, 7,
                new FirmwareSettings(1, 0, Duration.ofMillis(200)), faults, Duration.ofSeconds(10),
                Duration.ofSeconds(1), ZoneOffset.UTC);
    }

    private static CompletableFuture<Summary> start(FleetRunner runner) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MQTT5, JSON", "MQTT3, CBOR"})
    void everyDeviceSendsTelemetryThatFitsItsModelAndEveryMessageIsAcknowledged(Protocol protocol, Encoding encoding)
            throws Exception {
        String prefix = "e2e-" + protocol.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<DeviceCredentials> fleet = fleet(prefix);
        StringWriter progress = new StringWriter();
        try (Broker broker = new Broker(mosquitto.url())) {
            FleetRunner runner = new FleetRunner(settings(mosquitto.url(), protocol, encoding, List.of()), fleet,
                    catalog, new PrintWriter(progress));
            CompletableFuture<Summary> run = start(runner);

            await().atMost(WAIT).until(() -> fleet.stream().allMatch(device -> broker.of(MessageType.TELEMETRY)
                    .stream().filter(r -> r.topic().deviceId().equals(device.id())).count() >= 5));
            runner.requestStop();
            Summary summary = run.get(30, TimeUnit.SECONDS);

            List<Broker.Received> telemetry = broker.of(MessageType.TELEMETRY);
            for (Broker.Received message : telemetry) {
                assertThat(message.encoding()).isEqualTo(encoding);
                Telemetry decoded = MessageCodec.shared().decodeTelemetry(message.payload(), message.encoding());
                String model = fleet.stream().filter(d -> d.id().equals(message.topic().deviceId())).findFirst()
                        .orElseThrow().model();
                TelemetryValidator.check(catalog.require(model), decoded);
            }
            assertThat(broker.of(MessageType.EVENTS)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(summary.exitCode()).isZero();
            assertThat(summary.devicesConnected()).isEqualTo(4);
            assertThat(summary.failed()).isZero();
            assertThat(summary.acknowledged()).isEqualTo(summary.sent()).isGreaterThanOrEqualTo(telemetry.size());
            assertThat(summary.ackLatencyMs().count()).isEqualTo(summary.sent());
            assertThat(progress.toString()).contains("connected 4/4");
        }
    }

    @Test
    void anInjectedFaultIsRaisedARepairCommandClearsItAndTipsAndConfigArrive() throws Exception {
        List<DeviceCredentials> fleet = fleet("e2e-repair-" + UUID.randomUUID().toString().substring(0, 8));
        String espresso = fleet.get(0).id();
        try (Broker broker = new Broker(mosquitto.url())) {
            FleetRunner runner = new FleetRunner(settings(mosquitto.url(), Protocol.MQTT5, Encoding.JSON,
                    List.of(new FaultInjection("E_BOILER_OVERHEAT", 0, Duration.ZERO))), fleet, catalog,
                    new PrintWriter(new StringWriter()));
            CompletableFuture<Summary> run = start(runner);

            await().atMost(WAIT).until(() -> events(broker, espresso).stream()
                    .anyMatch(e -> e.kind() == DeviceEvent.Kind.ERROR && "E_BOILER_OVERHEAT".equals(e.code())));
            Instant now = Instant.now();
            broker.send(espresso, MessageType.COMMANDS, new Command("repair-1", "restart_heater", Map.of(), now,
                    now.plusSeconds(60)));
            broker.send(espresso, MessageType.TIPS, new Tip("tip-1", now, "self_service", "Descale soon",
                    "Your machine will need descaling in about a week."));
            broker.send(espresso, MessageType.CONFIG, new DeviceConfig(now, 120, Map.of()));

            await().atMost(WAIT).until(() -> results(broker, espresso).stream()
                    .anyMatch(r -> r.status() == CommandResult.Status.EXECUTED));
            await().atMost(WAIT).until(() -> events(broker, espresso).stream()
                    .anyMatch(e -> e.kind() == DeviceEvent.Kind.CLEARED));
            await().atMost(WAIT).until(() -> runner.snapshot().tipsReceived() == 1
                    && runner.snapshot().configsReceived() == 1);
            runner.requestStop();
            Summary summary = run.get(30, TimeUnit.SECONDS);

            assertThat(results(broker, espresso)).extracting(CommandResult::id, CommandResult::status, CommandResult::code)
                    .containsExactly(tuple("repair-1", CommandResult.Status.ACCEPTED, null),
                            tuple("repair-1", CommandResult.Status.EXECUTED, 0));
            assertThat(summary.commands().received()).isEqualTo(1);
            assertThat(summary.commands().executed()).isEqualTo(1);
            assertThat(summary.exitCode()).isZero();
        }
    }

    @Test
    void aFleetThatCannotReachItsBrokerFailsWithExitCode1() throws Exception {
        RunSettings settings = new RunSettings("tcp://127.0.0.1:1", Protocol.MQTT5, Encoding.JSON, 1,
                Duration.ofSeconds(1), 1, 10, 200, 1, new FirmwareSettings(1, 0, Duration.ofSeconds(1)), List.of(),
                Duration.ofSeconds(1), Duration.ZERO, ZoneOffset.UTC);

        Summary summary = new FleetRunner(settings, fleet("e2e-nobroker").subList(0, 1), catalog,
                new PrintWriter(new StringWriter())).run();

        assertThat(summary.exitCode()).isEqualTo(Summary.EXIT_FAILED);
        assertThat(summary.devicesConnected()).isZero();
        assertThat(summary.connectFailures()).isPositive();
        assertThat(summary.sent()).isZero();
    }

    private static List<DeviceEvent> events(Broker broker, String deviceId) {
        return broker.of(MessageType.EVENTS).stream().filter(r -> r.topic().deviceId().equals(deviceId))
                .map(r -> MessageCodec.shared().decodeEvent(r.payload(), r.encoding())).toList();
    }

    private static List<CommandResult> results(Broker broker, String deviceId) {
        return broker.of(MessageType.COMMAND_RESULTS).stream().filter(r -> r.topic().deviceId().equals(deviceId))
                .map(r -> MessageCodec.shared().decodeCommandResult(r.payload(), r.encoding())).toList();
    }
}
