package care.m2m.sim.load;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.sim.provision.DeviceCredentials;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated device of the load generator: a Vert.x MQTT 3.1.1 client that publishes stamped telemetry at QoS 1
 * and keeps at most {@code window} messages unacknowledged. Lives on one event loop; never blocks it. Servers
 * acknowledge QoS 1 publishes of one connection in order (MQTT 3.1.1 section 4.6), so send times are kept in a
 * ring and matched first in, first out.
 */
final class LoadDevice {

    private static final Logger LOG = LoggerFactory.getLogger(LoadDevice.class);

    private final DeviceCredentials device;
    private final String topic;
    private final LoadStats stats;
    private final long[] sendTimes;
    private int head;
    private int inflight;
    private final PayloadTemplates.Template template;
    private long lastStampMs;
    private MqttClient client;
    private boolean open;
    private Runnable onAck = () -> { };

    LoadDevice(DeviceCredentials device, int index, PayloadTemplates templates, LoadStats stats, int window) {
        this.device = device;
        this.topic = Topics.mqtt(device.id(), MessageType.TELEMETRY);
        this.template = templates.of(device.model(), index);
        this.stats = stats;
        this.sendTimes = new long[window];
    }

    Future<Void> connect(Vertx vertx, String host, int port, String sourceAddress, int keepAliveSeconds) {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(device.id())
                .setUsername(device.id())
                .setPassword(device.secret())
                .setCleanSession(true)
                .setKeepAliveInterval(keepAliveSeconds)
                .setMaxInflightQueue(sendTimes.length)
                .setAckTimeout(-1);
        if (sourceAddress != null) {
            options.setLocalAddress(sourceAddress);
        }
        client = MqttClient.create(vertx, options);
        client.publishCompletionHandler(packetId -> acknowledged());
        client.closeHandler(ignored -> closed());
        return client.connect(port, host).<Void>map(ack -> {
            if (ack.code().byteValue() != 0) {
                throw new IllegalStateException("device " + device.id() + " refused: " + ack.code());
            }
            open = true;
            stats.connected.increment();
            return null;
        }).onFailure(e -> {
            stats.connectFailed.increment();
            LOG.debug("device {} could not connect: {}", device.id(), e.toString());
        });
    }

    boolean canSend() {
        return open && inflight < sendTimes.length;
    }

    /** Publishes one message if the window has room; true when it was sent. */
    boolean send() {
        if (!canSend()) {
            stats.deferred.increment();
            return false;
        }
        long now = System.currentTimeMillis();
        lastStampMs = Math.max(now, lastStampMs + 1);
        byte[] payload = template.stamped(lastStampMs);
        long sentNanos = System.nanoTime();
        sendTimes[(head + inflight) % sendTimes.length] = sentNanos;
        inflight++;
        stats.sentAt(sentNanos);
        client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .onFailure(e -> LOG.debug("device {}: publish failed: {}", device.id(), e.toString()));
        return true;
    }

    int inflight() {
        return inflight;
    }

    Future<Void> disconnect() {
        if (client == null || !open) {
            return Future.succeededFuture();
        }
        open = false;
        return client.disconnect().recover(e -> Future.succeededFuture());
    }

    private void acknowledged() {
        if (inflight == 0) {
            return;
        }
        long sentNanos = sendTimes[head];
        head = (head + 1) % sendTimes.length;
        inflight--;
        stats.ackedAt(sentNanos, System.nanoTime());
        onAck.run();
    }

    /** Called on the device's event loop after each acknowledgement (the saturating pacer sends the next one). */
    void onAck(Runnable action) {
        this.onAck = action;
    }

    private void closed() {
        if (open) {
            open = false;
            stats.connectionsLost.increment();
            LOG.debug("device {}: connection closed by the server", device.id());
        }
        stats.lost.add(inflight);
        inflight = 0;
    }
}
