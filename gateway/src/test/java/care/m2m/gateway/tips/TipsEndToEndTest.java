package care.m2m.gateway.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.CustomerApi;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.gateway.support.RunningGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One message on every channel: a fault the product cannot repair becomes a self-service tip that reaches
 * the device's display and the customer's live stream with the same id; what the customer does on one
 * channel is seen on the others; the customer's limits hold.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TipsEndToEndTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;
    private DeviceCredentials creds;
    private CustomerApi customer;

    @BeforeEach
    void start() {
        gateway = RunningGateway.embedded(dataDir);
        creds = gateway.register("espresso-tips-1", "coffee-espresso-x1");
        customer = CustomerApi.withDeviceAndWeb(gateway, "cust-espresso-tips-1");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aSelfServiceTipReachesTheDeviceAndTheCustomerWithOneIdAndOneState() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret());
                CustomerStream stream = new CustomerStream(gateway.httpUrl() + "/api/v1/customer/events",
                        customer.token())) {
            device.subscribe(Topics.downlinkFilter(creds.id()));
            device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");

            Mqtt5Device.Received onDevice = device.received.poll(15, TimeUnit.SECONDS);
            assertThat(onDevice).isNotNull();
            assertThat(onDevice.topic()).isEqualTo(Topics.mqtt(creds.id(), MessageType.TIPS));
            JsonObject deviceTip = new JsonObject(onDevice.text());
            assertThat(deviceTip.getString("text")).contains("Refill the water tank");

            JsonObject live = new JsonObject(stream.dataLines.poll(15, TimeUnit.SECONDS));
            assertThat(live.getString("id")).isEqualTo(deviceTip.getString("id"));
            assertThat(live.getString("state")).isEqualTo("delivered");

            HttpResponse<String> dismissed = customer.request("POST",
                    "/api/v1/customer/tips/" + live.getString("id") + "/state", "{\"state\":\"dismissed\"}");
            assertThat(dismissed.statusCode()).isEqualTo(200);
            JsonObject update = new JsonObject(stream.dataLines.poll(10, TimeUnit.SECONDS));
            assertThat(update.getString("id")).isEqualTo(live.getString("id"));
            assertThat(update.getString("state")).isEqualTo("dismissed");
        }
        JsonArray tips = new JsonObject(customer.get("/api/v1/customer/tips").body()).getJsonArray("tips");
        assertThat(tips).hasSize(1);
        assertThat(tips.getJsonObject(0).getString("state")).isEqualTo("dismissed");
        JsonObject timeline = new JsonObject(customer.get("/api/v1/customer/devices/" + creds.id() + "/timeline").body());
        assertThat(timeline.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("kind")))
                .contains("fault", "tip", "device_error");
    }

    @Test
    void optingOutStopsTipsAtOnce() throws Exception {
        assertThat(customer.request("PUT", "/api/v1/customer/preferences", "{\"optedOut\":true}").statusCode())
                .isEqualTo(200);
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.subscribe(Topics.downlinkFilter(creds.id()));
            device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> faultLadder().equals("ESCALATED"));
            assertThat(device.received.poll(2, TimeUnit.SECONDS)).as("no tip reaches the device").isNull();
        }
        assertThat(new JsonObject(customer.get("/api/v1/customer/tips").body()).getJsonArray("tips")).isEmpty();
    }

    @Test
    void theWeeklyLimitHoldsBackTheNextTip() throws Exception {
        assertThat(customer.request("PUT", "/api/v1/customer/preferences",
                "{\"quietStart\":\"00:00\",\"quietEnd\":\"00:00\",\"maxPerWeek\":1}").statusCode()).isEqualTo(200);
        JsonObject washer = new JsonObject(gateway.post("/api/v1/admin/devices",
                "{\"id\":\"washer-tips-1\",\"model\":\"washer-front-w7\",\"customerRef\":\"cust-espresso-tips-1\"}").body());
        try (Mqtt5Device espresso = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret());
                Mqtt5Device washing = Mqtt5Device.connect(gateway.mqttUrl(), washer.getString("id"), washer.getString("secret"))) {
            espresso.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> customerTips().size() == 1);
            washing.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_INLET\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> customerTips().size() == 2);
        }
        assertThat(customerTips().stream().map(t -> ((JsonObject) t).getString("state")))
                .containsExactlyInAnyOrder("delivered", "pending");
        assertThat(customerTips().stream().map(t -> ((JsonObject) t).getString("note")))
                .contains("weekly limit of 1 reached");
    }

    @Test
    void aCustomerSeesOnlyTheirOwnDevicesAndTips() {
        DeviceCredentials other = gateway.register("espresso-tips-2", "coffee-espresso-x1");
        assertThat(customer.get("/api/v1/customer/devices").body()).contains(creds.id()).doesNotContain(other.id());
        assertThat(customer.get("/api/v1/customer/devices/" + other.id() + "/timeline").statusCode()).isEqualTo(404);
        HttpResponse<String> noToken = gateway.send(HttpRequest.newBuilder(
                URI.create(gateway.httpUrl() + "/api/v1/customer/tips")).GET().build());
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> adminToken = gateway.get("/api/v1/customer/tips");
        assertThat(adminToken.statusCode()).as("the admin token is not a customer token").isEqualTo(401);
    }

    private JsonArray customerTips() {
        return new JsonObject(customer.get("/api/v1/customer/tips").body()).getJsonArray("tips");
    }

    private String faultLadder() {
        JsonArray faults = new JsonObject(gateway.get("/api/v1/devices/" + creds.id() + "/faults").body()).getJsonArray("faults");
        return faults.isEmpty() ? "NONE" : faults.getJsonObject(0).getString("ladder");
    }



}
