package care.m2m.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt3Device;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input gets its documented MQTT reaction and is counted by reason, and the
 * connection keeps working afterwards: a bad message costs the device that message, nothing more.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MqttBadInputTest {

    private static final int PAYLOAD_FORMAT_INVALID = 0x99;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int TOPIC_NAME_INVALID = 0x90;
    private static final int BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final int PACKET_TOO_LARGE = 0x95;

    @TempDir
    static Path dataDir;
    private static RunningGateway gateway;
    private static DeviceCredentials espresso;
    private static DeviceCredentials other;

    @BeforeAll
    static void startGateway() {
        gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_MQTT_MAX_PACKET_BYTES", "4096"));
        espresso = gateway.register("espresso-bad-1", "coffee-espresso-x1");
        other = gateway.register("espresso-other", "coffee-espresso-x1");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @ParameterizedTest(name = "{0} -> reason {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"v\":1,\"metrics\":{\"boiler_temp_c\":93.5   | malformed_payload",
        "[1,2,3]                                          | malformed_payload",
        "{\"v\":1,\"metrics\":{\"boiler_temp_c\":\"hot\"}}  | schema_violation",
        "{\"v\":1}                                        | schema_violation",
        "{\"v\":1,\"metrics\":{\"boiler_temp_c\":250}}      | out_of_range",
        "{\"v\":1,\"metrics\":{\"flux_capacitor\":1.21}}    | unknown_metric",
        "{\"v\":2,\"metrics\":{\"boiler_temp_c\":93}}       | unsupported_version",
        "{\"v\":1,\"metrics\":{\"state\":\"exploding\"}}     | out_of_range",
    })
    void invalidTelemetryIsRefusedWithPayloadFormatInvalidAndCounted(String payload, String reason) throws Exception {
        double before = rejected("telemetry", reason);
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), espresso.id(), espresso.secret())) {
            assertThat(device.publish(MessageType.TELEMETRY, payload)).isEqualTo(PAYLOAD_FORMAT_INVALID);
            assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":92}}"))
                    .as("the same connection still works").isZero();
        }
        assertThat(rejected("telemetry", reason)).isEqualTo(before + 1);
    }

    @Test
    void publishingForAnotherDeviceIsNotAuthorized() throws Exception {
        double before = rejected("telemetry", "foreign_topic");
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), espresso.id(), espresso.secret())) {
            byte[] payload = "{\"v\":1,\"metrics\":{\"boiler_temp_c\":92}}".getBytes(StandardCharsets.UTF_8);
            assertThat(device.publish(Topics.mqtt(other.id(), MessageType.TELEMETRY), payload, null)).isEqualTo(NOT_AUTHORIZED);
            assertThat(device.publish(Topics.mqtt(espresso.id(), MessageType.COMMANDS), payload, null))
                    .as("devices may not publish on their downlink topics").isEqualTo(NOT_AUTHORIZED);
            assertThat(device.publish(Topics.mqtt(espresso.id(), MessageType.TELEMETRY), payload, null)).isZero();
        }
        assertThat(rejected("telemetry", "foreign_topic")).isEqualTo(before + 1);
        assertThat(gateway.telemetry(other.id()).getJsonArray("points")).isEmpty();
    }

    @Test
    void topicsOutsideTheContractAreInvalid() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), espresso.id(), espresso.secret())) {
            byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
            assertThat(device.publish("m2m/v1/" + espresso.id() + "/selfie", payload, null)).isEqualTo(TOPIC_NAME_INVALID);
            assertThat(device.publish("random/topic", payload, null)).isEqualTo(TOPIC_NAME_INVALID);
            assertThat(device.publish("m2m/v9/" + espresso.id() + "/telemetry", payload, null)).isEqualTo(TOPIC_NAME_INVALID);
        }
        assertThat(gateway.metric("m2mcare_packets_rejected_total", "reason=\"invalid_topic\"")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void unsupportedContentTypeIsRefused() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), espresso.id(), espresso.secret())) {
            byte[] payload = "boiler=93".getBytes(StandardCharsets.UTF_8);
            assertThat(device.publish(Topics.mqtt(espresso.id(), MessageType.TELEMETRY), payload, "text/plain"))
                    .isEqualTo(PAYLOAD_FORMAT_INVALID);
        }
        assertThat(gateway.metric("m2mcare_packets_rejected_total", "reason=\"unsupported_encoding\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void subscribingToAnotherDevicesTopicsIsRefused() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), espresso.id(), espresso.secret())) {
            assertThat(device.subscribe(Topics.downlinkFilter(other.id()))).isEqualTo(NOT_AUTHORIZED);
            assertThat(device.subscribe("m2m/#")).isEqualTo(NOT_AUTHORIZED);
            assertThat(device.subscribe(Topics.mqtt(espresso.id(), MessageType.TELEMETRY))).isEqualTo(NOT_AUTHORIZED);
            assertThat(device.subscribe(Topics.downlinkFilter(espresso.id()))).isEqualTo(1);
        }
    }

    @Test
    void unknownDevicesAndWrongSecretsCannotConnect() {
        double before = gateway.metric("m2mcare_connections_refused_total");
        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), "nobody-1", "whatever"))
                .hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), espresso.id(), "wrong-secret"))
                .hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        assertThatThrownBy(() -> Mqtt3Device.connect(gateway.mqttUrl(), espresso.id(), "wrong-secret"))
                .hasFieldOrPropertyWithValue("reasonCode", 4);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "reason=\"unknown_device\"")).isGreaterThanOrEqualTo(1);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "reason=\"bad_secret\"")).isGreaterThanOrEqualTo(2);
        assertThat(gateway.metric("m2mcare_connections_refused_total")).isEqualTo(before + 3);
    }

    @Test
    void mqtt311InvalidPayloadIsAcknowledgedDroppedAndCounted() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-v3-invalid", "coffee-espresso-x1");
        double before = rejected("telemetry", "out_of_range");
        try (Mqtt3Device device = Mqtt3Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":999}}");
            device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":90}}");
            assertThat(device.isConnected()).isTrue();
        }
        assertThat(rejected("telemetry", "out_of_range")).isEqualTo(before + 1);
        assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).hasSize(1);
    }

    @Test
    void mqtt311ForeignTopicClosesTheConnection() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-v3-foreign", "coffee-espresso-x1");
        try (Mqtt3Device device = Mqtt3Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.publishNoWait(Topics.mqtt(other.id(), MessageType.TELEMETRY),
                    "{\"v\":1,\"metrics\":{\"boiler_temp_c\":92}}".getBytes(StandardCharsets.UTF_8));
            assertThat(device.connectionLost.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(gateway.telemetry(other.id()).getJsonArray("points")).isEmpty();
    }

    @Test
    void anOversizedPacketEndsTheConnectionAndIsCounted() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-v3-big", "coffee-espresso-x1");
        double before = gateway.metric("m2mcare_packets_rejected_total", "reason=\"packet_too_large\"");
        try (Mqtt3Device device = Mqtt3Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            byte[] big = ("{\"v\":1,\"metrics\":{\"state\":\"" + "x".repeat(8000) + "\"}}").getBytes(StandardCharsets.UTF_8);
            device.publishNoWait(Topics.mqtt(creds.id(), MessageType.TELEMETRY), big);
            assertThat(device.connectionLost.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(gateway.metric("m2mcare_packets_rejected_total", "reason=\"packet_too_large\"")).isEqualTo(before + 1);
        try (Mqtt3Device again = Mqtt3Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            again.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":90}}");
        }
    }

    @Test
    void anOversizedPacketFromAnMqtt5DeviceGetsDisconnectPacketTooLarge() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-v5-big", "coffee-espresso-x1");
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            byte[] big = new byte[8000];
            assertThatThrownBy(() -> device.publish(Topics.mqtt(creds.id(), MessageType.TELEMETRY), big, null));
            assertThat(device.disconnects.poll(10, TimeUnit.SECONDS)).isEqualTo(PACKET_TOO_LARGE);
        }
    }

    private static double rejected(String type, String reason) {
        return gateway.metric("m2mcare_" + type + "_rejected_total", "reason=\"" + reason + "\"");
    }
}
