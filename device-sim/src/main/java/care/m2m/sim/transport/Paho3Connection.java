package care.m2m.sim.transport;

import care.m2m.contracts.topics.MessageType;

import care.m2m.contracts.topics.Topics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.TimerPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 3.1.1 through Paho's asynchronous client, for the older firmware generations a fleet still has. There is
 * no content type and no PUBACK reason code: the gateway can only accept a message or drop the connection.
 */
final class Paho3Connection implements DeviceConnection {

    private static final Logger LOG = LoggerFactory.getLogger(Paho3Connection.class);
    private static final int RC_BAD_CREDENTIALS = 0x86;
    private static final int RC_NOT_AUTHORIZED = 0x87;

    private static final long DROP_TIMEOUT_MS = 1000;

    private final ConnectionSettings settings;
    private final ConnectionEvents events;
    private final MqttAsyncClient client;
    /** This device's gateway addresses in the order it tries them (its own first). */
    private final String[] servers;

    Paho3Connection(ConnectionSettings settings, ConnectionEvents events) throws MqttException {
        this.settings = settings;
        this.events = events;
        this.servers = ServerList.parse(settings.serverUri()).forDevice(settings.deviceId());
        this.client = new MqttAsyncClient(servers[0], settings.deviceId(), new MemoryPersistence(),
                settings.pingExecutor() == null ? new TimerPingSender()
                        : new ScheduledExecutorPingSender(settings.pingExecutor()));
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(ConnectionSettings.DISCONNECTED_BUFFER_SIZE);
        buffer.setDeleteOldestMessages(true);
        client.setBufferOpts(buffer);
        client.setCallback(new Callback());
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    result.completeExceptionally(refused(failure));
                }
            });
        } catch (MqttException e) {
            result.completeExceptionally(refused(e));
        }
        return result;
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(settings.deviceId());
        if (settings.secret() != null) {
            options.setPassword(settings.secret().toCharArray());
        }
        options.setCleanSession(false);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setAutomaticReconnect(true);
        if (servers.length > 1) {
            options.setServerURIs(servers);
        }
        options.setMaxReconnectDelay(ConnectionSettings.MAX_RECONNECT_DELAY_SECONDS * 1000);
        options.setMaxInflight(settings.maxInflight() + ConnectionSettings.WINDOW_HEADROOM);
        return options;
    }

    /** Maps the MQTT 3.1.1 CONNACK return codes onto their MQTT 5 equivalents, so summaries read the same. */
    private ConnectRefusedException refused(Throwable failure) {
        int code = ReasonCodes.FIRST_FAILURE;
        if (failure instanceof MqttException e) {
            code = switch (e.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> RC_BAD_CREDENTIALS;
                case MqttException.REASON_CODE_NOT_AUTHORIZED -> RC_NOT_AUTHORIZED;
                default -> e.getReasonCode();
            };
        }
        return new ConnectRefusedException(settings.deviceId(), settings.serverUri(), code, failure);
    }

    @Override
    public CompletableFuture<Integer> publish(String topic, byte[] payload, String contentType) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        try {
            client.publish(topic, message, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(0);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    result.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            throw new NotSentException("device " + settings.deviceId() + ": " + e.getMessage(), e);
        }
        return result;
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public CompletableFuture<Void> disconnect(Duration timeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!client.isConnected()) {
            result.complete(null);
            return result;
        }
        try {
            client.disconnect(timeout.toMillis(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    result.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void dropAbruptly() {
        try {
            client.disconnectForcibly(0, DROP_TIMEOUT_MS, false);
        } catch (MqttException e) {
            LOG.debug("device {}: dropping the connection failed: {}", settings.deviceId(), e.toString());
        }
    }

    @Override
    public void close() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("device {}: closing the MQTT client failed: {}", settings.deviceId(), e.toString());
        }
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.subscribe(new String[] {settings.downlinkFilter(), tipStatesTopic()}, new int[] {1, 1});
            } catch (MqttException e) {
                LOG.warn("device {}: subscribing to {} failed: {}", settings.deviceId(), settings.downlinkFilter(),
                        e.toString());
            }
            events.connected(reconnect);
        }

        @Override
        public void connectionLost(Throwable cause) {
            events.connectionLost(cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            events.downlink(topic, message.getPayload(), null);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Each publish reports through its own action listener.
        }
    }

    /** Tip states (contract v1.1) reach only devices that subscribe to them by name, not through the wildcard. */
    private String tipStatesTopic() {
        return Topics.mqtt(settings.deviceId(), MessageType.TIP_STATES);
    }
}
