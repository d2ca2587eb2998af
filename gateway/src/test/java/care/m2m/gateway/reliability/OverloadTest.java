package care.m2m.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offered load far above what the store takes: the write queue stays at its bound, the devices beyond it are
 * told to back off (MQTT 5 PUBACK 0x97 quota exceeded) instead of the gateway growing its heap, what was
 * acknowledged is stored, and publishing works again as soon as the load drops.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OverloadTest {

    private static final int QUOTA_EXCEEDED = 0x97;
    private static final int BURST = 600;

    @TempDir
    Path dataDir;

    @Test
    void aBurstBeyondTheQueueIsRefusedWithQuotaExceededAndServiceRecovers() throws Exception {
        try (RunningGateway gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_WRITER_QUEUE_CAPACITY", "8",
                "M2MCARE_WRITER_MAX_BATCH_POINTS", "1", "M2MCARE_MQTT_RECEIVE_MAXIMUM", "1000"))) {
            List<Mqtt5Device> devices = new ArrayList<>();
            List<IMqttToken> tokens = new ArrayList<>();
            long start = Instant.now().toEpochMilli() - 3_600_000;
            for (int d = 0; d < 6; d++) {
                DeviceCredentials creds = gateway.register("washer-load-" + d, "washer-front-w7");
                devices.add(Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret()));
            }
            for (int i = 0; i < BURST; i++) {
                Mqtt5Device device = devices.get(i % devices.size());
                MqttMessage message = new MqttMessage(("{\"v\":1,\"ts\":" + (start + i) + ",\"metrics\":{\"drum_rpm\":" + (i % 1400)
                        + "}}").getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                tokens.add(device.client().publish(Topics.mqtt(device.deviceId(), MessageType.TELEMETRY), message));
            }
            int accepted = 0;
            int backOff = 0;
            for (IMqttToken token : tokens) {
                int code = code(token);
                if (code == 0) {
                    accepted++;
                } else {
                    assertThat(code).isEqualTo(QUOTA_EXCEEDED);
                    backOff++;
                }
            }
            assertThat(backOff).as("devices told to back off").isGreaterThan(0);
            assertThat(gateway.metric("m2mcare_telemetry_rejected_total", "reason=\"overloaded\"")).isEqualTo(backOff);
            int stored = 0;
            for (Mqtt5Device device : devices) {
                stored += gateway.telemetry(device.deviceId()).getJsonArray("points").size();
            }
            assertThat(stored).as("everything acknowledged is stored").isEqualTo(accepted);

            assertThat(devices.get(0).publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"drum_rpm\":1}}"))
                    .as("once the burst is over").isZero();
            for (Mqtt5Device device : devices) {
                device.close();
            }
        }
    }

    private static int code(IMqttToken token) throws MqttException {
        try {
            token.waitForCompletion(30_000);
        } catch (MqttException e) {
            if (token.getReasonCodes() == null || token.getReasonCodes().length == 0) {
                throw e;
            }
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }
}
