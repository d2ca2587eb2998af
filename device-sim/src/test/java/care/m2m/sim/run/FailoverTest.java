package care.m2m.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.topics.MessageType;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.FirmwareSettings;
import care.m2m.sim.provision.DeviceCredentials;
import care.m2m.sim.stats.Summary;
import care.m2m.sim.transport.Protocol;
import care.m2m.sim.transport.ServerList;
import care.m2m.testkit.MosquittoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Devices given several gateway addresses spread over them and, when their gateway goes away, fail over to
 * another one by themselves, as firmware of a clustered product does.
 */
@Timeout(120)
class FailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"MQTT5", "MQTT3"})
    void devicesSpreadOverTheAddressesAndMoveOnWhenTheirGatewayDies(Protocol protocol) throws Exception {
        MosquittoServer survivor = MosquittoServer.shared();
        MosquittoServer doomed = MosquittoServer.separate();
        try {
            String urls = doomed.url() + "," + survivor.url();
            List<DeviceCredentials> fleet = fleetStartingAt(ServerList.parse(urls), doomed.url(), survivor.url());
            RunSettings settings = new RunSettings(urls, protocol, Encoding.JSON, 5, Duration.ZERO, 1, 10, 200, 3,
                    new FirmwareSettings(1, 0, Duration.ofSeconds(1)), List.of(), Duration.ofSeconds(5),
                    Duration.ZERO, ZoneOffset.UTC);
            FleetRunner runner = new FleetRunner(settings, fleet, DeviceModels.builtIn(),
                    new PrintWriter(new StringWriter()));
            CompletableFuture<Summary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run();
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            try (Broker onDoomed = new Broker(doomed.url()); Broker onSurvivor = new Broker(survivor.url())) {
                // THEN each device starts at its own address: two on each broker
                await().atMost(WAIT).until(() -> runner.snapshot().connected() == 4);
                await().atMost(WAIT).until(() -> publishers(onDoomed).size() == 2 && publishers(onSurvivor).size() == 2);
            }

            // WHEN one gateway dies, THEN its devices move to the other and carry on
            doomed.stop();
            try (Broker onSurvivor = new Broker(survivor.url())) {
                await().atMost(WAIT).until(() -> publishers(onSurvivor).size() == 4);
            }
            runner.requestStop();
            Summary summary = run.get(30, TimeUnit.SECONDS);
            assertThat(summary.connectionLosses()).isGreaterThanOrEqualTo(2);
            assertThat(summary.acknowledged()).isPositive();
        } finally {
            doomed.stop();
        }
    }

    @Test
    void aListWithAnEmptyEntryIsRefusedWithTheList() {
        assertThatThrownBy(() -> ServerList.parse("tcp://a:1883,,tcp://b:1883"))
                .hasMessageContaining("empty entry").hasMessageContaining("tcp://a:1883,,tcp://b:1883");
        assertThatThrownBy(() -> new RunSettings("tcp://a:1883,http://b", Protocol.MQTT5, Encoding.JSON, 1,
                Duration.ZERO, 1, 10, 200, 3, new FirmwareSettings(1, 0, Duration.ofSeconds(1)), List.of(),
                Duration.ofSeconds(5), Duration.ZERO, ZoneOffset.UTC))
                .hasMessageContaining("http://b");
    }

    /** Two devices whose first address is {@code a} and two whose first is {@code b}. */
    private static List<DeviceCredentials> fleetStartingAt(ServerList list, String a, String b) {
        String prefix = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        List<DeviceCredentials> fleet = new ArrayList<>();
        int onA = 0;
        int onB = 0;
        for (int i = 0; fleet.size() < 4; i++) {
            String id = prefix + "-" + i;
            String first = list.forDevice(id)[0];
            if (first.equals(a) && onA < 2) {
                onA++;
                fleet.add(new DeviceCredentials(id, Behaviours.CHARGER, null));
            } else if (first.equals(b) && onB < 2) {
                onB++;
                fleet.add(new DeviceCredentials(id, Behaviours.CHARGER, null));
            }
        }
        return fleet;
    }

    private static List<String> publishers(Broker broker) {
        return broker.of(MessageType.TELEMETRY).stream().map(r -> r.topic().deviceId()).distinct().toList();
    }
}
