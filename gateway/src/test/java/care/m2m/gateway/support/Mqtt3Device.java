package care.m2m.gateway.support;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A device in a test speaking MQTT 3.1.1 through Eclipse Paho's v3 client. */
public final class Mqtt3Device implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;

    private final MqttAsyncClient client;
    private final String deviceId;
    /** Counts down when the server closes the connection. */
    public final CountDownLatch connectionLost = new CountDownLatch(1);

    private Mqtt3Device(MqttAsyncClient client, String deviceId) {
        this.client = client;
        this.deviceId = deviceId;
    }

    /** Connects; throws {@link MqttException} whose reason code is the CONNACK return code when refused. */
    public static Mqtt3Device connect(String serverUri, String deviceId, String secret) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, deviceId, new MemoryPersistence());
        Mqtt3Device device = new Mqtt3Device(client, deviceId);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                device.connectionLost.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(deviceId);
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        return device;
    }

    /** Publishes at QoS 1 to the device's own topic and waits for the PUBACK. */
    public void publish(MessageType type, String json) throws MqttException {
        publish(Topics.mqtt(deviceId, type), json.getBytes(StandardCharsets.UTF_8));
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false).waitForCompletion(TIMEOUT_MS);
    }

    /** Publishes without waiting for the acknowledgement (for cases where the server closes instead). */
    public void publishNoWait(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(TIMEOUT_MS);
        }
        client.close();
    }
}
