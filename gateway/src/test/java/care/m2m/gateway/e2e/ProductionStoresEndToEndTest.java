package care.m2m.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.InfluxServer;
import care.m2m.testkit.PostgresServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production set-up: telemetry in a real InfluxDB, records in a real PostgreSQL (both from Debian's
 * packages, started by the testkit). What a device had acknowledged is in InfluxDB itself, read back with
 * InfluxQL independently of the gateway, and a restart of the gateway loses neither telemetry nor registry.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProductionStoresEndToEndTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;
    private String influxDb;

    @BeforeEach
    void start() {
        String suffix = Long.toString(System.nanoTime(), 36);
        influxDb = "m2mcare_e2e_" + suffix;
        String sqlDb = "m2mcare_e2e_" + suffix;
        PostgresServer postgres = PostgresServer.shared();
        postgres.createDatabase(sqlDb);
        gateway = RunningGateway.with(dataDir, Map.of(
                "M2MCARE_INFLUX_URL", InfluxServer.shared().url(),
                "M2MCARE_INFLUX_DATABASE", influxDb,
                "M2MCARE_SQL_URL", postgres.jdbcUrl(sqlDb),
                "M2MCARE_SQL_USERNAME", postgres.user(),
                "M2MCARE_SQL_PASSWORD", postgres.password()));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void acknowledgedTelemetryIsInInfluxDbAndSurvivesARestart() throws Exception {
        DeviceCredentials creds = gateway.register("heatpump-prod-1", "heatpump-air-w9");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(300);
        int messages = 100;
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            for (int i = 0; i < messages; i++) {
                int code = device.publish(MessageType.TELEMETRY, """
                        {"v":1,"ts":%d,"metrics":{"flow_temp_c":%s,"state":"heating","defrost_active":%s}}"""
                        .formatted(start.plusSeconds(i).toEpochMilli(), 35 + i * 0.25, i % 10 == 0));
                assertThat(code).isZero();
            }
            int event = device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"warning\",\"code\":\"W_LOW_COP\"}");
            assertThat(event).isZero();
        }

        String raw = InfluxServer.shared().query(influxDb,
                "SELECT count(flow_temp_c) FROM telemetry WHERE device = 'heatpump-prod-1'");
        assertThat(raw).contains("[\"1970-01-01T00:00:00Z\"," + messages + "]");
        String last = InfluxServer.shared().query(influxDb,
                "SELECT flow_temp_c, state, defrost_active FROM telemetry ORDER BY time DESC LIMIT 1");
        assertThat(last).contains("59.75", "\"heating\"", "false");

        gateway.restart();

        JsonArray points = gateway.telemetry(creds.id()).getJsonArray("points");
        assertThat(points).hasSize(messages);
        assertThat(points.getJsonObject(0).getJsonObject("values").getMap())
                .containsEntry("flow_temp_c", 35.0).containsEntry("defrost_active", true);
        JsonObject device = new JsonObject(gateway.get("/api/v1/admin/devices/heatpump-prod-1").body());
        assertThat(device.getString("model")).as("registry kept in PostgreSQL").isEqualTo("heatpump-air-w9");
        assertThat(gateway.get("/api/v1/devices/heatpump-prod-1/events").body()).contains("W_LOW_COP");
        JsonObject health = new JsonObject(gateway.get("/health").body());
        assertThat(health.getJsonObject("checks").getJsonObject("telemetryStore").getString("kind")).isEqualTo("influxdb");
        assertThat(health.getJsonObject("checks").getJsonObject("records").getString("detail")).startsWith("jdbc:postgresql:");
    }
}
