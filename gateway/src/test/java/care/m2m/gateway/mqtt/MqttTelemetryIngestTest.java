package care.m2m.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt3Device;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices publish telemetry over MQTT 5 and 3.1.1 to a gateway on its embedded defaults; every
 * acknowledged message can be read back with exactly the values sent, and survives a restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MqttTelemetryIngestTest {

    private static final String MODEL = "coffee-espresso-x1";

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void telemetryAcknowledgedOverMqtt5IsStoredWithTheExactValues() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-0001", MODEL);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            int code = device.publish(MessageType.TELEMETRY, """
                    {"v":1,"ts":%d,"seq":7,"fw":"1.4.2","metrics":{"boiler_temp_c":93.25,"pump_pressure_bar":9.1,
                     "state":"brewing","brew_count_total":1234}}""".formatted(ts.toEpochMilli()));
            assertThat(code).as("PUBACK reason code").isZero();
        }

        JsonArray points = gateway.telemetry(creds.id()).getJsonArray("points");
        assertThat(points).hasSize(1);
        JsonObject point = points.getJsonObject(0);
        assertThat(point.getString("ts")).isEqualTo(ts.toString());
        assertThat(point.getJsonObject("values").getMap()).containsOnly(
                Map.entry("boiler_temp_c", 93.25), Map.entry("pump_pressure_bar", 9.1),
                Map.entry("state", "brewing"), Map.entry("brew_count_total", 1234.0));
        assertThat(gateway.metric("m2mcare_telemetry_accepted_total")).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                gateway.metric("m2mcare_ack_latency_seconds_count", "transport=\"mqtt\"") == 1.0);
        assertThat(gateway.metric("m2mcare_ack_latency_seconds_sum", "transport=\"mqtt\""))
                .as("arrival to PUBACK, seconds").isPositive().isLessThan(10.0);
        await().atMost(Duration.ofSeconds(5)).until(() -> new JsonObject(gateway.get("/api/v1/admin/devices/espresso-0001")
                .body()).getString("firmware", "").equals("1.4.2"));
    }

    @Test
    void cborTelemetryWithContentTypeIsStoredLikeJson() throws Exception {
        DeviceCredentials creds = gateway.register("washer-0001", "washer-front-w7");
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        byte[] cbor = new CBORMapper().writeValueAsBytes(Map.of("v", 1, "ts", ts.toEpochMilli(),
                "metrics", Map.of("drum_rpm", 1200, "door_locked", true, "phase", "spin")));
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            int code = device.publish(Topics.mqtt(creds.id(), MessageType.TELEMETRY), cbor, "application/cbor");
            assertThat(code).isZero();
        }

        JsonObject values = gateway.telemetry(creds.id()).getJsonArray("points").getJsonObject(0).getJsonObject("values");
        assertThat(values.getMap()).containsOnly(Map.entry("drum_rpm", 1200.0), Map.entry("door_locked", true),
                Map.entry("phase", "spin"));
    }

    @Test
    void mqtt311DevicesAreServedToo() throws Exception {
        DeviceCredentials creds = gateway.register("charger-0001", "ev-charger-ac22");
        try (Mqtt3Device device = Mqtt3Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.publish(MessageType.TELEMETRY, """
                    {"v":1,"metrics":{"power_w":11040.5,"vehicle_connected":true,"state":"charging"}}""");
        }

        JsonObject values = gateway.telemetry(creds.id()).getJsonArray("points").getJsonObject(0).getJsonObject("values");
        assertThat(values.getMap()).containsOnly(Map.entry("power_w", 11040.5), Map.entry("vehicle_connected", true),
                Map.entry("state", "charging"));
    }

    @Test
    void qos2TelemetryIsStoredOnceAndConnectedDevicesAreCounted() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-qos2", MODEL);
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            assertThat(gateway.metric("m2mcare_devices_connected")).isEqualTo(1.0);
            MqttMessage message = new MqttMessage(
                    "{\"v\":1,\"metrics\":{\"boiler_temp_c\":91.5}}".getBytes(StandardCharsets.UTF_8));
            message.setQos(2);
            device.client().publish(Topics.mqtt(creds.id(), MessageType.TELEMETRY), message).waitForCompletion(10_000);
        }
        assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).hasSize(1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> gateway.metric("m2mcare_devices_connected") == 0.0);
    }

    @Test
    void eventsAreRecordedAndReadable() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-0002", MODEL);
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            int code = device.publish(MessageType.EVENTS, """
                    {"v":1,"kind":"error","code":"E_GRINDER_JAM","text":"grinder blocked","data":{"attempts":2}}""");
            assertThat(code).isZero();
        }

        JsonArray events = new JsonObject(gateway.get("/api/v1/devices/espresso-0002/events").body()).getJsonArray("events");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("kind")).isEqualTo("error");
        assertThat(events.getJsonObject(0).getString("code")).isEqualTo("E_GRINDER_JAM");
        assertThat(events.getJsonObject(0).getJsonObject("data").getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void aRestartLosesNoAcknowledgedMessage() throws Exception {
        DeviceCredentials creds = gateway.register("heatpump-0001", "heatpump-air-w9");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        int messages = 200;
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            for (int i = 0; i < messages; i++) {
                int code = device.publish(MessageType.TELEMETRY, """
                        {"v":1,"ts":%d,"metrics":{"flow_temp_c":%d.5,"defrost_active":false}}"""
                        .formatted(start.plusSeconds(i).toEpochMilli(), 30 + i % 20));
                assertThat(code).isZero();
            }
        }

        gateway.restart();

        JsonArray points = gateway.telemetry(creds.id()).getJsonArray("points");
        assertThat(points).hasSize(messages);
        assertThat(points.getJsonObject(messages - 1).getJsonObject("values").getDouble("flow_temp_c"))
                .isEqualTo(30 + (messages - 1) % 20 + 0.5);
    }
}
