package care.m2m.gateway.reliability;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
 * One device of a simulated fleet, behaving as its firmware would: Eclipse Paho MQTT 5, subscribed to its own
 * downlink, publishing numbered QoS 1 telemetry from its own thread, and reconnecting by itself with a back-off
 * of 0.5 s to 2 s when the connection is lost (with a fresh client: Paho's own automatic reconnect left some
 * clients of a killed server disconnected for good, and its in-flight count wrong after a lost connection). A
 * message counts as acknowledged only on a PUBACK with reason code 0; anything else is sent again with the
 * same number and timestamp, so the store holds each number once however often it arrived.
 */
final class FleetDevice implements AutoCloseable {

    private static final long TIMEOUT_MS = 10_000;
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final String serverUri;
    private final String id;
    private final String secret;
    private final long firstTimestamp;
    private volatile MqttAsyncClient client;
    /** Numbers the gateway acknowledged. */
    final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    /** Downlink messages (commands, tips) in arrival order. */
    final BlockingQueue<String> downlink = new LinkedBlockingQueue<>();
    /** Successful connections, the first one included. */
    final AtomicInteger connects = new AtomicInteger();
    private volatile boolean publishing;
    private Thread publisher;

    private FleetDevice(String serverUri, String id, String secret, long firstTimestamp) {
        this.serverUri = serverUri;
        this.id = id;
        this.secret = secret;
        this.firstTimestamp = firstTimestamp;
    }

    static FleetDevice connect(String serverUri, String id, String secret, long firstTimestamp) throws MqttException {
        FleetDevice device = new FleetDevice(serverUri, id, secret, firstTimestamp);
        device.connectOnce();
        return device;
    }

    private void connectOnce() throws MqttException {
        MqttAsyncClient fresh = new MqttAsyncClient(serverUri, id, new MemoryPersistence());
        fresh.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                downlink.add(new String(message.getPayload(), StandardCharsets.UTF_8));
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
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(id);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        try {
            fresh.connect(options).waitForCompletion(TIMEOUT_MS);
            fresh.subscribe(Topics.downlinkFilter(id), 1).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            fresh.close(true);
            throw e;
        }
        MqttAsyncClient old = client;
        client = fresh;
        connects.incrementAndGet();
        if (old != null) {
            old.close(true);
        }
    }

    String id() {
        return id;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** Starts publishing numbered telemetry until {@link #stopPublishing}. */
    void startPublishing() {
        publishing = true;
        publisher = new Thread(this::publishLoop, "fleet-" + id);
        publisher.start();
    }

    void stopPublishing() throws InterruptedException {
        publishing = false;
        publisher.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void publishLoop() {
        int next = 0;
        while (publishing) {
            if (publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":%d,\"metrics\":{\"boiler_temp_c\":%d}}"
                    .formatted(firstTimestamp + next * 1000L, 80 + next % 20))) {
                acknowledged.add(next);
                next++;
            } else if (!client.isConnected()) {
                reconnect();
            }
        }
    }

    /** Publishes at QoS 1; true only when the gateway acknowledged it with reason code 0. */
    boolean publish(MessageType type, String json) {
        try {
            MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            IMqttToken token = client.publish(Topics.mqtt(id, type), message);
            token.waitForCompletion(TIMEOUT_MS);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 || codes[0] == 0;
        } catch (MqttException e) {
            return false;
        }
    }

    /** Firmware's reconnect: try again after a growing back-off until connected or told to stop. */
    private void reconnect() {
        long backoff = MIN_BACKOFF.toNanos();
        while (publishing) {
            LockSupport.parkNanos(backoff);
            try {
                connectOnce();
                return;
            } catch (MqttException e) {
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toNanos());
            }
        }
    }

    @Override
    public String toString() {
        return id + (isConnected() ? " connected" : " not connected") + " after " + connects.get() + " connects, "
                + acknowledged.size() + " acknowledged";
    }

    @Override
    public void close() throws MqttException {
        publishing = false;
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(TIMEOUT_MS);
        }
        client.close(true);
    }
}
