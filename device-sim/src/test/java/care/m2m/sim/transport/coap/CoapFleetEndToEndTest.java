package care.m2m.sim.transport.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.FirmwareSettings;
import care.m2m.sim.provision.AdminClient;
import care.m2m.sim.provision.DeviceCredentials;
import care.m2m.sim.provision.FleetPlan;
import care.m2m.sim.provision.Provisioner;
import care.m2m.sim.run.FleetRunner;
import care.m2m.sim.run.RunSettings;
import care.m2m.sim.stats.Summary;
import care.m2m.sim.transport.Protocol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator against a real gateway over CoAP, plain (token) and DTLS-PSK (the key from the registration
 * answer, kept in the credentials file): every message it sent is acknowledged with 2.04, the telemetry reads
 * back from the gateway's API one point per acknowledged sample, and an operator's reboot command reaches the
 * device through its observed commands resource and ends EXECUTED.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CoapFleetEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    private GatewayUnderTest gateway;

    @BeforeEach
    void startGateway() {
        gateway = new GatewayUnderTest(dataDir);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @ParameterizedTest
    @CsvSource({"COAP, CBOR", "COAPS, CBOR", "COAP, JSON"})
    void aFleetOverCoapIsAcknowledgedStoredAndCommanded(Protocol protocol, Encoding encoding) throws Exception {
        // GIVEN three devices registered through the admin API, their secrets and PSKs in a credentials file
        FleetPlan plan = new FleetPlan(3, List.of(Behaviours.HEAT_PUMP, Behaviours.ESPRESSO, Behaviours.WASHER),
                "coap-" + protocol.name().toLowerCase() + "-" + encoding.name().toLowerCase());
        List<DeviceCredentials> fleet = new Provisioner(() -> new AdminClient(gateway.httpUrl(),
                GatewayUnderTest.ADMIN_TOKEN)).provision(plan, work.resolve("fleet.csv")).credentials();
        assertThat(fleet).allSatisfy(device -> assertThat(device.psk()).hasSize(32));
        String url = protocol == Protocol.COAPS ? gateway.coapsUrl() : gateway.coapUrl();
        RunSettings settings = new RunSettings(url, protocol, encoding, 5, Duration.ZERO, 1, 10, 50, 42,
                new FirmwareSettings(1, 0, Duration.ofMillis(500)), List.of(), Duration.ofSeconds(20), Duration.ZERO,
                ZoneOffset.UTC);
        FleetRunner runner = new FleetRunner(settings, fleet, DeviceModels.builtIn(),
                new PrintWriter(new StringWriter()));

        // WHEN the fleet runs and an operator sends the heat pump a reboot
        CompletableFuture<Summary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run();
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        String heatPump = fleet.get(0).id();
        try {
            await().atMost(WAIT).until(() -> runner.snapshot().connected() == fleet.size()
                    && runner.snapshot().acknowledged() >= 20);
            String command = gateway.command(heatPump, "reboot");
            await().atMost(WAIT).until(() -> gateway.commandStatus(heatPump, command).equals("EXECUTED"));
        } finally {
            runner.requestStop();
        }
        Summary summary = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // THEN every message was acknowledged and every acknowledged sample is stored
        assertThat(summary.exitCode()).isEqualTo(Summary.EXIT_OK);
        assertThat(summary.devicesConnected()).isEqualTo(fleet.size());
        assertThat(summary.sent()).isGreaterThanOrEqualTo(20);
        assertThat(summary.acknowledged()).isEqualTo(summary.sent());
        assertThat(summary.rejected()).isZero();
        assertThat(summary.failed()).isZero();
        assertThat(summary.commands().received()).isEqualTo(1);
        assertThat(summary.commands().executed()).isEqualTo(1);
        Summary.Commands results = summary.commands();
        long telemetry = summary.acknowledged() - summary.eventsSent() - results.accepted() - results.executed()
                - results.failed() - results.rejected();
        int stored = fleet.stream().mapToInt(device -> gateway.telemetryPoints(device.id())).sum();
        assertThat(stored).isEqualTo(telemetry);
    }
}
