package care.m2m.gateway.support;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A device in a test, speaking MQTT 5 through Eclipse Paho: publishes and reports the PUBACK reason code
 * the gateway answered with, so tests can assert on exactly what a real firmware would see.
 */
public final class Mqtt5Device implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;

    private final MqttAsyncClient client;
    private final String deviceId;
    /** DISCONNECT reason codes sent by the server, and -1 for a connection lost without one. */
    public final BlockingQueue<Integer> disconnects = new LinkedBlockingQueue<>();
    /** Messages the gateway sent down to this device, in arrival order. */
    public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** One downlink message as the device got it, with its packet id (to acknowledge it by hand). */
    public record Received(String topic, byte[] payload, int messageId, int qos) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private Mqtt5Device(MqttAsyncClient client, String deviceId) {
        this.client = client;
        this.deviceId = deviceId;
    }

    /** Connects; throws {@link MqttException} carrying the CONNACK reason code when refused. */
    public static Mqtt5Device connect(String serverUri, String deviceId, String secret) throws MqttException {
        return connect(serverUri, deviceId, secret, false);
    }

    /**
     * Connects a device that sends its PUBACKs only when the test calls {@link #acknowledge}, like firmware that
     * acknowledges a tip once its display has drawn it.
     */
    public static Mqtt5Device connectAcknowledgingByHand(String serverUri, String deviceId, String secret)
            throws MqttException {
        return connect(serverUri, deviceId, secret, true);
    }

    private static Mqtt5Device connect(String serverUri, String deviceId, String secret, boolean manualAcks)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, deviceId, new MemoryPersistence());
        client.setManualAcks(manualAcks);
        Mqtt5Device device = new Mqtt5Device(client, deviceId);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                device.disconnects.add(response.getReturnCode());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                device.received.add(new Received(topic, message.getPayload(), message.getId(), message.getQos()));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        return device;
    }

    public String deviceId() {
        return deviceId;
    }

    public MqttAsyncClient client() {
        return client;
    }

    /** Publishes JSON text at QoS 1 to the device's own topic of the given type; returns the PUBACK reason code. */
    public int publish(MessageType type, String json) throws MqttException {
        return publish(Topics.mqtt(deviceId, type), json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Publishes at QoS 1 and returns the PUBACK reason code (0 = success). */
    public int publish(String topic, byte[] payload, String contentType) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        if (contentType != null) {
            MqttProperties properties = new MqttProperties();
            properties.setContentType(contentType);
            message.setProperties(properties);
        }
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            if (token.getReasonCodes() != null && token.getReasonCodes().length > 0) {
                return token.getReasonCodes()[0];
            }
            throw e;
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** Sends the PUBACK of a message received on a device connected with {@link #connectAcknowledgingByHand}. */
    public void acknowledge(Received message) throws MqttException {
        client.messageArrivedComplete(message.messageId(), message.qos());
    }

    /** Subscribes at QoS 1 and returns the SUBACK reason code. */
    public int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(TIMEOUT_MS);
        return token.getReasonCodes()[0];
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(TIMEOUT_MS);
        }
        client.close(true);
    }
}
