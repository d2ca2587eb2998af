package care.m2m.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.PostgresServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL, holding the records, restarts while devices publish: telemetry keeps being acknowledged, a
 * command queued before the restart is still delivered afterwards, and new records are written again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aQueuedCommandSurvivesARecordsDatabaseRestart() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = "restart_" + Long.toString(System.nanoTime(), 36);
        postgres.createDatabase(database);
        try (RunningGateway gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_SQL_URL", postgres.jdbcUrl(database),
                "M2MCARE_SQL_USERNAME", postgres.user(), "M2MCARE_SQL_PASSWORD", postgres.password()))) {
            DeviceCredentials creds = gateway.register("washer-pg-1", "washer-front-w7");
            assertThat(gateway.post("/api/v1/devices/" + creds.id() + "/commands", "{\"action\":\"rebalance_spin\"}")
                    .statusCode()).isEqualTo(202);

            postgres.stop();
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"drum_rpm\":800}}"))
                        .as("telemetry does not need the records database").isZero();
            }
            postgres.start();

            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                device.subscribe(Topics.downlinkFilter(creds.id()));
                Mqtt5Device.Received command = device.received.poll(30, TimeUnit.SECONDS);
                assertThat(command).isNotNull();
                assertThat(new JsonObject(command.text()).getString("action")).isEqualTo("rebalance_spin");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.get("/api/v1/devices/" + creds.id() + "/commands")
                    .body().contains("DELIVERED"));
        } finally {
            if (!postgres.isRunning()) {
                postgres.start();
            }
        }
    }
}
