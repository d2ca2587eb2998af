package care.m2m.gateway.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable command channel: a command for an offline device waits in the records database and reaches
 * the device when it comes back, even across a gateway restart; one that expired first never reaches it;
 * "delivered" means the device's own PUBACK.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandChannelEndToEndTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;
    private DeviceCredentials creds;

    @BeforeEach
    void start() {
        gateway = RunningGateway.embedded(dataDir);
        creds = gateway.register("washer-cmd-1", "washer-front-w7");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aCommandForAnOfflineDeviceIsQueuedAndDeliveredWhenItComesBackEvenAfterARestart() throws Exception {
        JsonObject queued = submit("{\"action\":\"restart_drain_pump\",\"ttlSeconds\":600}");
        assertThat(queued.getString("status")).isEqualTo("QUEUED");

        gateway.restart();
        assertThat(command().getString("status")).isEqualTo("QUEUED");

        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.subscribe(Topics.downlinkFilter(creds.id()));
            Mqtt5Device.Received message = device.received.poll(15, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.topic()).isEqualTo(Topics.mqtt(creds.id(), MessageType.COMMANDS));
            JsonObject command = new JsonObject(message.text());
            assertThat(command.getString("id")).isEqualTo(queued.getString("id"));
            assertThat(command.getString("action")).isEqualTo("restart_drain_pump");
            await().atMost(Duration.ofSeconds(10)).until(() -> command().getString("status").equals("DELIVERED"));

            device.publish(MessageType.COMMAND_RESULTS,
                    "{\"v\":1,\"id\":\"%s\",\"status\":\"executed\",\"code\":0}".formatted(command.getString("id")));
            await().atMost(Duration.ofSeconds(10)).until(() -> command().getString("status").equals("EXECUTED"));
        }
        assertThat(command().getString("origin")).isEqualTo("OPERATOR");
    }

    @Test
    void anExpiredCommandIsNeverDelivered() throws Exception {
        submit("{\"action\":\"reboot\",\"ttlSeconds\":1}");
        await().atMost(Duration.ofSeconds(10)).until(() -> command().getString("status").equals("EXPIRED"));

        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.subscribe(Topics.downlinkFilter(creds.id()));
            assertThat(device.received.poll(3, TimeUnit.SECONDS)).as("nothing arrives").isNull();
        }
        assertThat(command().getString("deliveredAt")).isNull();
        assertThat(command().getInteger("sendCount")).isZero();
    }

    @Test
    void fieldServiceCanSendACommandThroughTheSameChannelWithItsOwnToken() throws Exception {
        String technician = Files.readString(dataDir.resolve("field-service-token")).trim();
        HttpResponse<String> sent = gateway.send(HttpRequest.newBuilder(
                        URI.create(gateway.httpUrl() + "/api/v1/devices/" + creds.id() + "/commands"))
                .header("Authorization", "Bearer " + technician).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"door_lock_reset\"}")).build());
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(command().getString("action")).isEqualTo("door_lock_reset");
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.get("/api/v1/admin/audit").body()
                .contains("\"actor\":\"field-service\""));
        HttpResponse<String> adminOnly = gateway.send(HttpRequest.newBuilder(
                URI.create(gateway.httpUrl() + "/api/v1/admin/devices")).header("Authorization", "Bearer " + technician)
                .GET().build());
        assertThat(adminOnly.statusCode()).as("the registry stays admin-only").isEqualTo(401);
    }

    @Test
    void unknownActionsAndDevicesAreRefused() {
        HttpResponse<String> unknownAction = gateway.post("/api/v1/devices/" + creds.id() + "/commands", "{\"action\":\"make_coffee\"}");
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertThat(unknownAction.body()).contains("action: expected an action of model washer-front-w7");
        assertThat(gateway.post("/api/v1/devices/nobody/commands", "{\"action\":\"reboot\"}").statusCode()).isEqualTo(404);
    }

    private JsonObject submit(String body) {
        HttpResponse<String> response = gateway.post("/api/v1/devices/" + creds.id() + "/commands", body);
        assertThat(response.statusCode()).isEqualTo(202);
        return new JsonObject(response.body());
    }

    private JsonObject command() {
        return new JsonObject(gateway.get("/api/v1/devices/" + creds.id() + "/commands").body())
                .getJsonArray("commands").getJsonObject(0);
    }
}
