package care.m2m.sim.run;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The gateway's side in the end-to-end test, played by a separate Paho client on the broker: it records every
 * uplink message of the fleet and can send commands down.
 */
final class Broker implements AutoCloseable {

    /** One uplink message as it arrived. */
    record Received(DeviceTopic topic, byte[] payload, Encoding encoding) {
    }

    private static final long WAIT_MS = 10_000;

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final MqttAsyncClient client;

    Broker(String url) throws MqttException {
        client = new MqttAsyncClient(url, "observer-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                MqttProperties properties = message.getProperties();
                String contentType = properties == null ? null : properties.getContentType();
                Encoding encoding = Encoding.fromContentType(contentType)
                        .orElseGet(() -> Encoding.sniff(message.getPayload()));
                received.add(new Received(Topics.parseMqtt(topic), message.getPayload(), encoding));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(WAIT_MS);
        client.subscribe(new MqttSubscription[] {
            new MqttSubscription("m2m/v1/+/" + MessageType.TELEMETRY.segment(), 1),
            new MqttSubscription("m2m/v1/+/" + MessageType.EVENTS.segment(), 1),
            new MqttSubscription("m2m/v1/+/" + MessageType.COMMAND_RESULTS.segment(), 1)}).waitForCompletion(WAIT_MS);
    }

    /** Sends a downlink message (command, tip or config) to a device, JSON-encoded, at QoS 1. */
    void send(String deviceId, MessageType type, Object downlink) throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setContentType(Encoding.JSON.contentType());
        MqttMessage message = new MqttMessage(MessageCodec.shared().encode(downlink, Encoding.JSON), 1, false,
                properties);
        client.publish(Topics.mqtt(deviceId, type), message).waitForCompletion(WAIT_MS);
    }

    List<Received> of(MessageType type) {
        return received.stream().filter(r -> r.topic().type() == type).toList();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(WAIT_MS);
        client.close();
    }
}
