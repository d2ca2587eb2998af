package care.m2m.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.AdminHttp;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.InfluxServer;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway process is killed with SIGKILL while a device publishes, then started again on the same data
 * folder: every message the device saw acknowledged is stored, with the embedded store, with InfluxDB, and with
 * InfluxDB behind the telemetry journal (the kill then lands while the forwarder is writing).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatewayKillTest {

    private static final int MESSAGES = 300;
    private static final int KILL_AFTER = 120;

    @TempDir
    Path dataDir;

    @Test
    void noAcknowledgedMessageIsLostWithTheEmbeddedStore() throws Exception {
        killDuringPublishing(Map.of());
    }

    @Test
    void noAcknowledgedMessageIsLostWithInfluxDb() throws Exception {
        killDuringPublishing(Map.of("M2MCARE_INFLUX_URL", InfluxServer.shared().url(),
                "M2MCARE_INFLUX_DATABASE", "kill_" + Long.toString(System.nanoTime(), 36)));
    }

    @Test
    void noAcknowledgedMessageIsLostWithTheTelemetryJournal() throws Exception {
        killDuringPublishing(Map.of("M2MCARE_INFLUX_URL", InfluxServer.shared().url(),
                "M2MCARE_INFLUX_DATABASE", "killj_" + Long.toString(System.nanoTime(), 36),
                "M2MCARE_TELEMETRY_JOURNAL", "true"));
    }

    private void killDuringPublishing(Map<String, String> settings) throws Exception {
        Set<Long> acknowledged = new HashSet<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
        try (GatewayProcess gateway = new GatewayProcess(dataDir, settings)) {
            gateway.start();
            DeviceCredentials creds = gateway.http().register("espresso-kill-1", "coffee-espresso-x1");
            AtomicBoolean killed = new AtomicBoolean();
            int next = 0;
            while (next < MESSAGES) {
                try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                    for (; next < MESSAGES; next++) {
                        if (next == KILL_AFTER && killed.compareAndSet(false, true)) {
                            device.client().publish(topic(creds), payload(start, next).getBytes(), 1, false);
                            gateway.kill();
                            break;
                        }
                        if (device.publish(MessageType.TELEMETRY, payload(start, next)) == 0) {
                            acknowledged.add(start.plusSeconds(next).toEpochMilli());
                        }
                    }
                } catch (Exception connectionEnded) {
                    assertThat(killed).as("only the kill may end the connection: " + connectionEnded).isTrue();
                }
                if (killed.get() && next == KILL_AFTER) {
                    gateway.start();
                    next++;
                }
            }
            assertThat(acknowledged).hasSize(MESSAGES - 1);
            // with the journal, what the killed process had journalled reaches InfluxDB shortly after the restart
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(storedTimes(gateway.http(), creds.id())).containsAll(acknowledged));
        }
    }

    private static Set<Long> storedTimes(AdminHttp http, String deviceId) {
        JsonArray stored = http.telemetry(deviceId).getJsonArray("points");
        Set<Long> times = new HashSet<>();
        stored.forEach(p -> times.add(Instant.parse(((io.vertx.core.json.JsonObject) p).getString("ts")).toEpochMilli()));
        return times;
    }

    private static String topic(DeviceCredentials creds) {
        return care.m2m.contracts.topics.Topics.mqtt(creds.id(), MessageType.TELEMETRY);
    }

    private static String payload(Instant start, int i) {
        return "{\"v\":1,\"ts\":%d,\"metrics\":{\"boiler_temp_c\":%d}}".formatted(start.plusSeconds(i).toEpochMilli(), 80 + i % 20);
    }
}
