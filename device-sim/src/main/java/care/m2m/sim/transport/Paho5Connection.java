package care.m2m.sim.transport;

import care.m2m.contracts.topics.MessageType;

import care.m2m.contracts.topics.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 through Paho's asynchronous client. Clean start is off and the session outlives a drop, so Paho resends
 * unacknowledged QoS 1 messages after its automatic reconnect; a PUBACK reason code of 0x80 or more is the
 * gateway refusing the message and is passed on as the future's value, not as a failure.
 */
final class Paho5Connection implements DeviceConnection {

    private static final Logger LOG = LoggerFactory.getLogger(Paho5Connection.class);

    private static final long DROP_TIMEOUT_MS = 1000;

    private final ConnectionSettings settings;
    private final ConnectionEvents events;
    private final MqttAsyncClient client;
    /** This device's gateway addresses in the order it tries them (its own first). */
    private final String[] servers;

    Paho5Connection(ConnectionSettings settings, ConnectionEvents events) throws MqttException {
        this.settings = settings;
        this.events = events;
        TimerPingSender ping = settings.pingExecutor() == null ? null : new TimerPingSender(settings.pingExecutor());
        this.servers = ServerList.parse(settings.serverUri()).forDevice(settings.deviceId());
        this.client = new MqttAsyncClient(servers[0], settings.deviceId(), new MemoryPersistence(), ping, null);
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
            client.connect(options(), null, new MqttActionListener() {
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

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(settings.deviceId());
        if (settings.secret() != null) {
            options.setPassword(settings.secret().getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setAutomaticReconnect(true);
        if (servers.length > 1) {
            options.setServerURIs(servers);
        }
        options.setAutomaticReconnectDelay(1, ConnectionSettings.MAX_RECONNECT_DELAY_SECONDS);
        options.setReceiveMaximum(settings.maxInflight() + ConnectionSettings.WINDOW_HEADROOM);
        return options;
    }

    private ConnectRefusedException refused(Throwable failure) {
        int code = failure instanceof MqttException e ? e.getReasonCode() : ReasonCodes.FIRST_FAILURE;
        return new ConnectRefusedException(settings.deviceId(), settings.serverUri(), code, failure);
    }

    @Override
    public CompletableFuture<Integer> publish(String topic, byte[] payload, String contentType) {
        MqttProperties properties = new MqttProperties();
        properties.setContentType(contentType);
        MqttMessage message = new MqttMessage(payload, 1, false, properties);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    result.complete(codes == null || codes.length == 0 ? 0 : codes[0]);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    if (failure instanceof MqttException e && ReasonCodes.isFailure(e.getReasonCode())) {
                        result.complete(e.getReasonCode());
                    } else {
                        result.completeExceptionally(failure);
                    }
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
            client.disconnect(timeout.toMillis(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    result.completeExceptionally(failure);
                }
            }, 0, new MqttProperties());
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

    private final class Callback implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            events.connectionLost(response.getException() != null ? response.getException()
                    : new IllegalStateException("disconnected: " + ReasonCodes.describe(response.getReturnCode())));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("device {}: MQTT error {}", settings.deviceId(), exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttProperties properties = message.getProperties();
            String contentType = properties == null ? null : properties.getContentType();
            events.downlink(topic, message.getPayload(), contentType);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Each publish reports through its own action listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            subscribe();
            events.connected(reconnect);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("device {}: unexpected AUTH packet {}", settings.deviceId(), ReasonCodes.describe(reasonCode));
        }
    }

    private void subscribe() {
        try {
            client.subscribe(new String[] {settings.downlinkFilter(), tipStatesTopic()}, new int[] {1, 1});
        } catch (MqttException e) {
            LOG.warn("device {}: subscribing to {} failed: {}", settings.deviceId(), settings.downlinkFilter(),
                    e.toString());
        }
    }

    /** Tip states (contract v1.1) reach only devices that subscribe to them by name, not through the wildcard. */
    private String tipStatesTopic() {
        return Topics.mqtt(settings.deviceId(), MessageType.TIP_STATES);
    }
}
