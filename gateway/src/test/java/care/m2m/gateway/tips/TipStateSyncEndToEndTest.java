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
 * Read, done, dismissed on one channel is seen on all, the device's display included: a tip dismissed in the
 * customer API reaches the device as a tip-state message (contract v1.1), and a tip marked on the device
 * (tip-feedback) reaches the live stream and the API; a state set while the product was offline reaches it when
 * it subscribes again, once. Firmware that subscribed only with a wildcard, as v1.0 firmware does, gets no tip-state
 * message it could not read.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TipStateSyncEndToEndTest {

    private static final String TANK_EMPTY = "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}";

    @TempDir
    Path dataDir;
    private RunningGateway gateway;
    private DeviceCredentials creds;
    private CustomerApi customer;

    @BeforeEach
    void start() {
        gateway = RunningGateway.embedded(dataDir);
        creds = gateway.register("espresso-sync-1", "coffee-espresso-x1");
        customer = CustomerApi.withDeviceAndWeb(gateway, "cust-espresso-sync-1");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aTipDismissedInTheApiLeavesTheDeviceDisplay() throws Exception {
        try (Mqtt5Device device = firmwareWithTipStates();
                CustomerStream stream = new CustomerStream(gateway.httpUrl() + "/api/v1/customer/events",
                        customer.token())) {
            device.publish(MessageType.EVENTS, TANK_EMPTY);
            JsonObject shown = next(device, MessageType.TIPS);
            JsonObject live = new JsonObject(stream.dataLines.poll(15, TimeUnit.SECONDS));
            assertThat(live.getString("id")).isEqualTo(shown.getString("id"));

            HttpResponse<String> dismissed = customer.request("POST", "/api/v1/customer/tips/" + shown.getString("id") + "/state",
                    "{\"state\":\"dismissed\"}");
            assertThat(dismissed.statusCode()).isEqualTo(200);

            JsonObject state = next(device, MessageType.TIP_STATES);
            assertThat(state.getString("id")).isEqualTo(shown.getString("id"));
            assertThat(state.getString("state")).isEqualTo("dismissed");
            assertThat(state.getInteger("v")).isEqualTo(1);
        }
    }

    @Test
    void aTipDismissedBeforeTheDeviceAcknowledgedItLeavesTheDisplayToo() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connectAcknowledgingByHand(gateway.mqttUrl(), creds.id(), creds.secret())) {
            listenForTipsAndStates(device);
            device.publish(MessageType.EVENTS, TANK_EMPTY);
            Mqtt5Device.Received tip = nextMessage(device, MessageType.TIPS);
            String tipId = new JsonObject(tip.text()).getString("id");
            // the customer is quicker than the display: dismissed while the PUBACK is still to come
            assertThat(customer.request("POST", "/api/v1/customer/tips/" + tipId + "/state",
                    "{\"state\":\"dismissed\"}").statusCode()).isEqualTo(200);
            device.acknowledge(tip);

            Mqtt5Device.Received stateMessage = nextMessage(device, MessageType.TIP_STATES);
            JsonObject state = new JsonObject(stateMessage.text());
            assertThat(state.getString("id")).isEqualTo(tipId);
            assertThat(state.getString("state")).isEqualTo("dismissed");
            device.acknowledge(stateMessage);
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.metric("m2mcare_tip_states_delivered_total") == 1.0);
            assertThat(device.received.poll(1, TimeUnit.SECONDS)).as("sent once").isNull();
        }
    }

    @Test
    void aTipDismissedWhileTheDeviceWasOfflineReachesItWhenItListensAgain() throws Exception {
        String tipId;
        try (Mqtt5Device device = firmwareWithTipStates()) {
            device.publish(MessageType.EVENTS, TANK_EMPTY);
            tipId = next(device, MessageType.TIPS).getString("id");
            // shown on the device once the gateway has its PUBACK: only then must the display follow
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    gateway.metric("m2mcare_tips_delivered_total", "channel=\"device\"") == 1.0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.metric("m2mcare_devices_connected") == 0.0);
        assertThat(customer.request("POST", "/api/v1/customer/tips/" + tipId + "/state", "{\"state\":\"dismissed\"}")
                .statusCode()).as("stored while the product is offline").isEqualTo(200);

        try (Mqtt5Device device = firmwareWithTipStates()) {
            JsonObject state = next(device, MessageType.TIP_STATES);
            assertThat(state.getString("id")).isEqualTo(tipId);
            assertThat(state.getString("state")).isEqualTo("dismissed");
        }
        // counted once the device's PUBACK is recorded, so the next connection sees it acknowledged
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.metric("m2mcare_tip_states_delivered_total") == 1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.metric("m2mcare_devices_connected") == 0.0);
        try (Mqtt5Device device = firmwareWithTipStates()) {
            assertThat(device.received.poll(2, TimeUnit.SECONDS)).as("an acknowledged state is not sent again").isNull();
        }
    }

    @Test
    void aTipMarkedOnTheDeviceIsSeenOnTheStreamAndInTheApi() throws Exception {
        try (Mqtt5Device device = firmwareWithTipStates();
                CustomerStream stream = new CustomerStream(gateway.httpUrl() + "/api/v1/customer/events",
                        customer.token())) {
            device.publish(MessageType.EVENTS, TANK_EMPTY);
            JsonObject shown = next(device, MessageType.TIPS);
            assertThat(new JsonObject(stream.dataLines.poll(15, TimeUnit.SECONDS)).getString("state")).isEqualTo("delivered");

            int ack = device.publish(MessageType.TIP_FEEDBACK,
                    "{\"v\":1,\"id\":\"%s\",\"state\":\"dismissed\"}".formatted(shown.getString("id")));
            assertThat(ack).as("acknowledged once stored").isZero();

            JsonObject update = new JsonObject(stream.dataLines.poll(10, TimeUnit.SECONDS));
            assertThat(update.getString("id")).isEqualTo(shown.getString("id"));
            assertThat(update.getString("state")).isEqualTo("dismissed");
            assertThat(device.received.poll(1, TimeUnit.SECONDS)).as("no echo back to the device that said it").isNull();
        }
        JsonArray tips = new JsonObject(customer.get("/api/v1/customer/tips").body()).getJsonArray("tips");
        assertThat(tips.getJsonObject(0).getString("state")).isEqualTo("dismissed");
    }

    @Test
    void feedbackOnATipTheDeviceNeverShowedIsRefusedAndCounted() throws Exception {
        try (Mqtt5Device device = firmwareWithTipStates()) {
            int ack = device.publish(MessageType.TIP_FEEDBACK, "{\"v\":1,\"id\":\"tip-made-up\",\"state\":\"done\"}");
            assertThat(ack).as("PUBACK 0x99 payload format invalid").isEqualTo(0x99);
            int broken = device.publish(MessageType.TIP_FEEDBACK, "{\"v\":1,\"id\":\"tip-made-up\",\"state\":\"liked\"}");
            assertThat(broken).isEqualTo(0x99);
        }
        assertThat(gateway.metric("m2mcare_tip_feedback_rejected_total", "reason=\"unknown_tip\"")).isEqualTo(1.0);
        assertThat(gateway.metric("m2mcare_tip_feedback_rejected_total", "reason=\"schema_violation\"")).isEqualTo(1.0);
    }

    @Test
    void firmwareThatSubscribedWithAWildcardGetsNoTipStates() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.subscribe(Topics.downlinkFilter(creds.id()));
            device.publish(MessageType.EVENTS, TANK_EMPTY);
            JsonObject shown = next(device, MessageType.TIPS);
            assertThat(customer.request("POST", "/api/v1/customer/tips/" + shown.getString("id") + "/state",
                    "{\"state\":\"dismissed\"}").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> new JsonObject(customer.get("/api/v1/customer/tips").body())
                    .getJsonArray("tips").getJsonObject(0).getString("state").equals("dismissed"));
            assertThat(device.received.poll(1, TimeUnit.SECONDS)).as("a v1.0 device gets nothing new").isNull();
        }
    }

    /** Firmware of contract v1.1: its tips, and tip states by name. */
    private Mqtt5Device firmwareWithTipStates() throws Exception {
        return listenForTipsAndStates(Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret()));
    }

    private Mqtt5Device listenForTipsAndStates(Mqtt5Device device) throws Exception {
        assertThat(device.subscribe(Topics.mqtt(creds.id(), MessageType.TIPS))).isEqualTo(1);
        assertThat(device.subscribe(Topics.mqtt(creds.id(), MessageType.TIP_STATES))).isEqualTo(1);
        return device;
    }

    private JsonObject next(Mqtt5Device device, MessageType type) throws InterruptedException {
        return new JsonObject(nextMessage(device, type).text());
    }

    private Mqtt5Device.Received nextMessage(Mqtt5Device device, MessageType type) throws InterruptedException {
        Mqtt5Device.Received message = device.received.poll(15, TimeUnit.SECONDS);
        assertThat(message).as("a %s message within 15 s", type.segment()).isNotNull();
        assertThat(message.topic()).isEqualTo(Topics.mqtt(creds.id(), type));
        return message;
    }

}
