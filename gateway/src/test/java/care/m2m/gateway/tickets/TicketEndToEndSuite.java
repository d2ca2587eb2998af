package care.m2m.gateway.tickets;

import care.m2m.gateway.support.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every ticket test needs: a real gateway (with short ladder windows from rule files, a quick sweep and
 * a quick webhook loop), a real webhook receiver, real MQTT devices, and the field-service API as an outside
 * client calls it. Subclasses pick the records database.
 */
abstract class TicketEndToEndSuite {

    static final String FIELD_TOKEN = "test-field-service-token";
    static final String SECRET = "test-webhook-secret";
    private static final String COFFEE_RULES = """
            {"model": "coffee-espresso-x1", "verify": "PT3S", "flapWindow": "PT5S", "repairAttempts": 1,
             "repairCooldown": "PT1S", "rules": []}""";

    @TempDir
    Path dataDir;
    @TempDir
    Path modelsDir;
    RunningGateway gateway;
    WebhookReceiver receiver;

    /** The records database settings ({@code M2MCARE_SQL_*}), empty for the embedded one. */
    protected abstract Map<String, String> database();

    void startGateway(boolean receiverUp) throws Exception {
        Files.writeString(modelsDir.resolve("coffee-espresso-x1.rules.json"), COFFEE_RULES);
        receiver = new WebhookReceiver(SECRET);
        if (receiverUp) {
            receiver.start();
        }
        Map<String, String> settings = new HashMap<>(database());
        settings.put("M2MCARE_MODELS_DIR", modelsDir.toString());
        settings.put("M2MCARE_ANOMALY_ENABLED", "false");
        settings.put("M2MCARE_FIELD_SERVICE_TOKEN", FIELD_TOKEN);
        settings.put("M2MCARE_TICKET_RESOLVE_AFTER_SECONDS", "2");
        settings.put("M2MCARE_TICKET_SWEEP_MS", "200");
        settings.put("M2MCARE_WEBHOOK_URL", receiver.url());
        settings.put("M2MCARE_WEBHOOK_SECRET", SECRET);
        settings.put("M2MCARE_WEBHOOK_INTERVAL_MS", "100");
        settings.put("M2MCARE_WEBHOOK_RETRY_BASE_MS", "100");
        settings.put("M2MCARE_WEBHOOK_RETRY_CAP_SECONDS", "1");
        gateway = RunningGateway.with(dataDir, settings);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    Mqtt5Device firmware(DeviceCredentials creds) throws Exception {
        Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret());
        assertThat(device.subscribe(Topics.downlinkFilter(creds.id()))).isEqualTo(1);
        return device;
    }

    /** Last telemetry timestamp sent: each message gets a later millisecond, or two would be one stored point. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_TS = new java.util.concurrent.atomic.AtomicLong();

    static void telemetry(Mqtt5Device device, String metricsJson) throws Exception {
        long ts = LAST_TS.updateAndGet(last -> Math.max(last + 1, Instant.now().toEpochMilli()));
        assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":%d,\"fw\":\"2.4.1\",\"metrics\":%s}"
                .formatted(ts, metricsJson))).isZero();
    }

    static void event(Mqtt5Device device, String kind, String code) throws Exception {
        assertThat(device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"%s\",\"code\":\"%s\"}".formatted(kind, code)))
                .isZero();
    }

    static JsonObject nextCommand(Mqtt5Device device) throws InterruptedException {
        Mqtt5Device.Received message = device.received.poll(15, TimeUnit.SECONDS);
        assertThat(message).as("a command within 15 s").isNotNull();
        return new JsonObject(message.text());
    }

    static void answer(Mqtt5Device device, JsonObject command, String status) throws Exception {
        assertThat(device.publish(MessageType.COMMAND_RESULTS, "{\"v\":1,\"id\":\"%s\",\"status\":\"%s\",\"code\":0}"
                .formatted(command.getString("id"), status))).isZero();
    }

    void customer(String ref, String json) {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl()
                        + "/api/v1/admin/customers/" + ref))
                .header("Authorization", "Bearer " + RunningGateway.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> fieldGet(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return gateway.send(request.build());
    }

    HttpResponse<String> fieldPost(String path, String json) {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
                .header("Authorization", "Bearer " + FIELD_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonArray tickets(String query) {
        HttpResponse<String> response = fieldGet("/api/v1/tickets" + query, FIELD_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getJsonArray("tickets");
    }

    JsonObject ticket(String id) {
        HttpResponse<String> response = fieldGet("/api/v1/tickets/" + id, FIELD_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    JsonObject onlyTicket() {
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets("").size() == 1);
        return ticket(tickets("").getJsonObject(0).getString("id"));
    }

    static String notes(JsonObject ticket) {
        return ticket.getJsonArray("notes").encode();
    }

    JsonObject deviceFault(String deviceId) {
        JsonArray faults = new JsonObject(gateway.get("/api/v1/devices/" + deviceId + "/faults").body()).getJsonArray("faults");
        return faults.isEmpty() ? new JsonObject().put("ladder", "NONE") : faults.getJsonObject(0);
    }
}
