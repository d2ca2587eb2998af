package care.m2m.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.AdminHttp;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.gateway.support.WebhookReceiver;
import care.m2m.testkit.InfluxServer;
import care.m2m.testkit.PostgresServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole simulated fleet against the production stores (PostgreSQL records, InfluxDB telemetry) while the
 * gateway process is killed with SIGKILL and started again on the same ports:
 * <ul>
 * <li>every telemetry message a device saw acknowledged is in InfluxDB (stored count = acknowledged count,
 * per device, devices sending again what was not acknowledged);</li>
 * <li>faults reported before the kill opened one ticket each, and reporting them again afterwards opens no
 * second one (checked in the database);</li>
 * <li>their webhook events, queued in the outbox while the receiver was down, survive and are delivered once the
 * receiver is up, each with a valid signature;</li>
 * <li>commands queued for devices that were offline survive and are delivered when those devices connect;</li>
 * <li>every device reconnects by itself (Paho's automatic reconnect).</li>
 * </ul>
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class FleetKillTest {

    private static final int FLEET = 8;
    private static final int FAULTY = 3;
    private static final int SLEEPERS = 2;
    private static final String MODEL = "coffee-espresso-x1";
    private static final String FAULT = "E_WATER_TANK_EMPTY";
    private static final String FIELD_TOKEN = "fleet-field-token";
    private static final String WEBHOOK_SECRET = "fleet-webhook-secret";

    @TempDir
    Path dataDir;
    @TempDir
    Path modelsDir;

    @Test
    void aKilledGatewayLosesNothingAcknowledgedAndDuplicatesNothing() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = "fleetkill_" + Long.toString(System.nanoTime(), 36);
        postgres.createDatabase(database);
        InfluxServer influx = InfluxServer.shared();
        String telemetryDb = "fleetkill_" + Long.toString(System.nanoTime(), 36);
        Files.writeString(modelsDir.resolve(MODEL + ".rules.json"), """
                {"model": "%s", "verify": "PT3S", "flapWindow": "PT5S", "repairAttempts": 1,
                 "repairCooldown": "PT1S", "rules": []}""".formatted(MODEL));
        WebhookReceiver receiver = new WebhookReceiver(WEBHOOK_SECRET);
        List<FleetDevice> fleet = new ArrayList<>();
        try (GatewayProcess gateway = new GatewayProcess(dataDir, settings(postgres, database, influx, telemetryDb,
                receiver))) {
            gateway.start();
            AdminHttp admin = gateway.http();
            long start = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
            for (int i = 0; i < FLEET; i++) {
                DeviceCredentials creds = admin.register("espresso-fleet-" + i, MODEL);
                fleet.add(FleetDevice.connect(gateway.mqttUrl(), creds.id(), creds.secret(), start));
            }
            List<DeviceCredentials> sleepers = new ArrayList<>();
            for (int i = 0; i < SLEEPERS; i++) {
                DeviceCredentials creds = admin.register("espresso-sleeper-" + i, MODEL);
                sleepers.add(creds);
                assertThat(admin.post("/api/v1/devices/" + creds.id() + "/commands", "{\"action\":\"descale_cycle\"}")
                        .statusCode()).isEqualTo(202);
            }
            fleet.forEach(FleetDevice::startPublishing);
            for (int i = 0; i < FAULTY; i++) {
                assertThat(fleet.get(i).publish(MessageType.EVENTS, errorEvent())).isTrue();
            }
            // GIVEN tickets opened, their webhook events waiting in the outbox (receiver down), and telemetry flowing
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count(postgres, database, "SELECT count(*) FROM tickets")).as("tickets").isEqualTo(FAULTY);
                assertThat(count(postgres, database, "SELECT count(*) FROM outbox WHERE delivered_at IS NULL"))
                        .as("undelivered outbox entries").isGreaterThanOrEqualTo(FAULTY);
                assertThat(acknowledged(fleet)).as("acknowledged telemetry").isGreaterThanOrEqualTo(40 * FLEET);
            });

            // WHEN the gateway is killed mid-run and started again on the same folder and ports
            gateway.kill();
            int acknowledgedAtKill = acknowledged(fleet);
            gateway.start();

            // THEN every device comes back by itself and keeps publishing
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(fleet).as("devices connected again").allMatch(d -> d.isConnected() && d.connects.get() >= 2);
                assertThat(acknowledged(fleet)).as("acknowledged after the restart")
                        .isGreaterThanOrEqualTo(acknowledgedAtKill + 20 * FLEET);
            });
            for (int i = 0; i < FAULTY; i++) {
                assertThat(fleet.get(i).publish(MessageType.EVENTS, errorEvent())).as("the fault reported again").isTrue();
            }
            for (FleetDevice device : fleet) {
                device.stopPublishing();
            }

            // THEN InfluxDB holds exactly what the devices saw acknowledged
            for (FleetDevice device : fleet) {
                assertThat(device.acknowledged).as(device.id()).hasSize(max(device.acknowledged) + 1);
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(storedCount(influx, telemetryDb,
                        device.id())).as("stored points of " + device.id()).isEqualTo(device.acknowledged.size()));
            }

            System.out.printf("FleetKillTest: %d devices, %d messages acknowledged (%d before the kill), all stored%n",
                    FLEET, acknowledged(fleet), acknowledgedAtKill);

            // THEN one ticket per faulty device, in the database, however often the fault was reported
            assertThat(postgres.psql(database, "SELECT device_id || ':' || count(*) FROM tickets GROUP BY device_id ORDER BY 1")
                    .lines().toList()).containsExactly("espresso-fleet-0:1", "espresso-fleet-1:1", "espresso-fleet-2:1");
            assertThat(count(postgres, database, "SELECT count(*) FROM faults WHERE code = '" + FAULT + "'")).isEqualTo(FAULTY);

            // THEN the queued commands reach the devices that were offline, once they connect
            for (DeviceCredentials creds : sleepers) {
                try (FleetDevice sleeper = FleetDevice.connect(gateway.mqttUrl(), creds.id(), creds.secret(), start)) {
                    String command = sleeper.downlink.poll(20, TimeUnit.SECONDS);
                    assertThat(command).as("the command queued for " + creds.id() + " before the kill").isNotNull();
                    assertThat(new JsonObject(command).getString("action")).isEqualTo("descale_cycle");
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/devices/" + creds.id() + "/commands")
                        .body().contains("DELIVERED"));
            }

            // THEN the outbox queued before the kill is delivered once the receiver is up, signed, none lost
            Set<String> outboxIds = new HashSet<>(postgres.psql(database, "SELECT id FROM outbox").lines().toList());
            receiver.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> count(postgres, database,
                    "SELECT count(*) FROM outbox WHERE delivered_at IS NULL") == 0);
            assertThat(new HashSet<>(receiver.keys())).containsAll(outboxIds);
            assertThat(receiver.deliveries).allMatch(WebhookReceiver.Delivery::validSignature);
            assertThat(receiver.deliveries.stream().filter(d -> "opened".equals(d.eventType()))
                    .map(d -> d.body().getJsonObject("ticket").getString("id")).distinct()).hasSize(FAULTY);
        } finally {
            for (FleetDevice device : fleet) {
                device.close();
            }
            receiver.close();
        }
    }

    private static Map<String, String> settings(PostgresServer postgres, String database, InfluxServer influx,
            String telemetryDb, WebhookReceiver receiver) {
        Map<String, String> settings = new HashMap<>();
        settings.put("M2MCARE_SQL_URL", postgres.jdbcUrl(database));
        settings.put("M2MCARE_SQL_USERNAME", postgres.user());
        settings.put("M2MCARE_SQL_PASSWORD", postgres.password());
        settings.put("M2MCARE_INFLUX_URL", influx.url());
        settings.put("M2MCARE_INFLUX_DATABASE", telemetryDb);
        settings.put("M2MCARE_ANOMALY_ENABLED", "false");
        settings.put("M2MCARE_FIELD_SERVICE_TOKEN", FIELD_TOKEN);
        settings.put("M2MCARE_TICKET_SWEEP_MS", "200");
        settings.put("M2MCARE_WEBHOOK_URL", receiver.url());
        settings.put("M2MCARE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        settings.put("M2MCARE_WEBHOOK_INTERVAL_MS", "100");
        settings.put("M2MCARE_WEBHOOK_RETRY_BASE_MS", "100");
        settings.put("M2MCARE_WEBHOOK_RETRY_CAP_SECONDS", "1");
        return settings;
    }

    private static String errorEvent() {
        return "{\"v\":1,\"kind\":\"error\",\"code\":\"" + FAULT + "\"}";
    }

    private static int acknowledged(List<FleetDevice> fleet) {
        return fleet.stream().mapToInt(d -> d.acknowledged.size()).sum();
    }

    private static int max(Set<Integer> numbers) {
        return numbers.stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    private static long count(PostgresServer postgres, String database, String sql) {
        return Long.parseLong(postgres.psql(database, sql).strip());
    }

    private static long storedCount(InfluxServer influx, String database, String deviceId) {
        JsonObject answer = new JsonObject(influx.query(database,
                "SELECT count(boiler_temp_c) FROM telemetry WHERE device = '" + deviceId + "'"));
        JsonArray series = answer.getJsonArray("results").getJsonObject(0).getJsonArray("series");
        return series == null ? 0 : series.getJsonObject(0).getJsonArray("values").getJsonArray(0).getLong(1);
    }
}
