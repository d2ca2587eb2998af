package care.m2m.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.InfluxServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telemetry journal in front of InfluxDB ({@code M2MCARE_TELEMETRY_JOURNAL=true}), as a separate gateway
 * process: InfluxDB stops while a device publishes, and the device goes on being acknowledged (the gateway
 * stays ready, the journal grows); then the gateway is killed with SIGKILL, InfluxDB comes back, and the gateway
 * started again on the same data folder forwards what the journal held: InfluxDB ends with exactly the
 * acknowledged messages.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TelemetryJournalTest {

    private static final int BEFORE_OUTAGE = 50;
    private static final int DURING_OUTAGE = 150;

    @TempDir
    Path dataDir;

    @Test
    void anInfluxOutageAndAKilledGatewayLoseNoAcknowledgedMessage() throws Exception {
        InfluxServer influx = InfluxServer.shared();
        String database = "journal_" + Long.toString(System.nanoTime(), 36);
        // whole seconds: InfluxDB prints those times as Instant does
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        try (GatewayProcess gateway = new GatewayProcess(dataDir, Map.of("M2MCARE_INFLUX_URL", influx.url(),
                "M2MCARE_INFLUX_DATABASE", database, "M2MCARE_INFLUX_TIMEOUT_MS", "2000",
                "M2MCARE_TELEMETRY_JOURNAL", "true"))) {
            gateway.start();
            DeviceCredentials creds = gateway.http().register("heatpump-journal-1", "heatpump-air-w9");
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                for (int i = 0; i < BEFORE_OUTAGE; i++) {
                    assertThat(device.publish(MessageType.TELEMETRY, payload(start, i))).isZero();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> stored(influx, database) == BEFORE_OUTAGE);
                influx.stop();
                try {
                    for (int i = BEFORE_OUTAGE; i < BEFORE_OUTAGE + DURING_OUTAGE; i++) {
                        assertThat(device.publish(MessageType.TELEMETRY, payload(start, i)))
                                .as("message %d, acknowledged from the journal while InfluxDB is down", i).isZero();
                    }
                    HttpResponse<String> health = gateway.http().get("/health");
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    assertThat(new JsonObject(health.body()).encode()).contains("bytes waiting for influxdb");
                    assertThat(gateway.http().metric("m2mcare_journal_backlog_bytes")).isPositive();
                } finally {
                    gateway.kill();
                    influx.start();
                }
            }
            assertThat(journalBytes()).as("the journal kept the outage's messages on disk").isPositive();
            gateway.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(influx, database) == BEFORE_OUTAGE + DURING_OUTAGE);
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.http().metric("m2mcare_journal_backlog_bytes") == 0);
        }
        assertThat(stored(influx, database)).isEqualTo(BEFORE_OUTAGE + DURING_OUTAGE);
        String values = influx.query(database, "SELECT flow_temp_c FROM telemetry");
        for (int i = 0; i < BEFORE_OUTAGE + DURING_OUTAGE; i++) {
            assertThat(values).as("message %d", i)
                    .contains("\"" + start.plusSeconds(i) + "\"," + (30 + i % 10) + ".5]");
        }
    }

    private long journalBytes() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("telemetry-journal"))) {
            long total = 0;
            for (Path p : files.filter(f -> f.toString().endsWith(".journal")).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static long stored(InfluxServer influx, String database) {
        String result = influx.query(database, "SELECT count(flow_temp_c) FROM telemetry");
        int at = result.indexOf("\"1970-01-01T00:00:00Z\",");
        if (at < 0) {
            return 0;
        }
        String rest = result.substring(at + "\"1970-01-01T00:00:00Z\",".length());
        return Long.parseLong(rest.substring(0, rest.indexOf(']')));
    }

    private static String payload(Instant start, int i) {
        return "{\"v\":1,\"ts\":%d,\"metrics\":{\"flow_temp_c\":%d.5}}".formatted(start.plusSeconds(i).toEpochMilli(), 30 + i % 10);
    }
}
