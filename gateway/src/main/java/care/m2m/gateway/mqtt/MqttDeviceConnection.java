package care.m2m.gateway.mqtt;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.ingest.IngestException;
import care.m2m.gateway.ingest.IngestService;
import care.m2m.gateway.ingest.Uplink;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.mqtt.MqttReasonCodes.Reaction;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated device's MQTT connection: turns PUBLISH packets into {@link Uplink}s for the ingest
 * service and acknowledges each one only after it is durable (or answers with the mapped reason code), and
 * lets the device subscribe to its own downlink topics only. Every handler runs on the connection's event
 * loop and never throws: a bad packet costs the device one message, never the connection handler.
 */
final class MqttDeviceConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDeviceConnection.class);
    static final String TRANSPORT = "mqtt";

    private final MqttEndpoint endpoint;
    private final Device device;
    private final IngestService ingest;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final OrderedAcks acks = new OrderedAcks();
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Promise<Void>> awaitingAck = new HashMap<>();
    private final BiConsumer<String, MessageType> onListening;
    private final Context context;
    private volatile Encoding deviceEncoding = Encoding.JSON;
    /** Whether the first QoS 1/2 PUBLISH still has to install {@link AckFlushes} (idle devices never pay for it). */
    private boolean consolidateFlushes;

    MqttDeviceConnection(MqttEndpoint endpoint, Device device, IngestService ingest, GatewayMetrics metrics,
            Clock clock, BiConsumer<String, MessageType> onListening, boolean consolidateFlushes) {
        this.endpoint = endpoint;
        this.consolidateFlushes = consolidateFlushes;
        this.onListening = onListening;
        this.context = Vertx.currentContext();
        this.device = device;
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
    }

    String deviceId() {
        return device.id();
    }

    Device device() {
        return device;
    }

    int protocolVersion() {
        return endpoint.protocolVersion();
    }

    /** Topic filters the device subscribed to; the downlink publishes only where a filter matches. */
    Set<String> subscriptions() {
        return Set.copyOf(subscriptions);
    }

    void attachHandlers() {
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(this::onPublish);
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.publishAcknowledgeHandler(this::onDownlinkAck);
        endpoint.subscribeHandler(this::onSubscribe);
        endpoint.unsubscribeHandler(unsubscribe -> {
            unsubscribe.topics().forEach(subscriptions::remove);
            endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
        });
    }

    private void onPublish(MqttPublishMessage message) {
        long arrived = System.nanoTime();
        OrderedAcks.Slot slot = message.qosLevel() == MqttQoS.AT_MOST_ONCE ? null : acks.reserve();
        if (slot != null && consolidateFlushes) {
            consolidateFlushes = false;
            AckFlushes.consolidate(endpoint);
        }
        Future<Void> stored;
        try {
            stored = ingest.ingest(uplink(message));
        } catch (IngestException e) {
            metrics.rejected("packets", TRANSPORT, e.reason());
            LOG.debug("Refused PUBLISH from {} on '{}': {}", device.id(), message.topicName(), e.getMessage());
            stored = Future.failedFuture(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure handling PUBLISH from {} on '{}'", device.id(), message.topicName(), e);
            stored = Future.failedFuture(IngestException.unavailable(e));
        }
        if (slot != null) {
            stored.onComplete(result -> acks.ready(slot, () -> {
                acknowledge(message, result.succeeded() ? null : (IngestException) result.cause());
                if (result.succeeded()) {
                    metrics.acknowledged(TRANSPORT, System.nanoTime() - arrived);
                }
            }));
        }
    }

    /** Reads topic and encoding; a topic outside the contract or an unknown content type is refused here. */
    private Uplink uplink(MqttPublishMessage message) {
        DeviceTopic topic;
        try {
            topic = Topics.parseMqtt(message.topicName());
        } catch (ContractViolation e) {
            throw IngestException.invalidTopic(e);
        }
        Encoding encoding;
        try {
            encoding = encoding(message);
        } catch (ContractViolation e) {
            throw IngestException.invalid(e);
        }
        deviceEncoding = encoding;
        return new Uplink(device, topic, message.payload().getBytes(), encoding, TRANSPORT, clock.instant());
    }

    private Encoding encoding(MqttPublishMessage message) {
        MqttProperties.MqttProperty<?> contentType = message.properties() == null ? null
                : message.properties().getProperty(MqttProperties.CONTENT_TYPE);
        if (contentType == null) {
            return Encoding.sniff(message.payload().getBytes(0, Math.min(16, message.payload().length())));
        }
        String value = String.valueOf(contentType.value());
        return Encoding.fromContentType(value).orElseThrow(() -> ContractViolation.of(Reason.UNSUPPORTED_ENCODING,
                "content-type", "application/json or application/cbor", value));
    }

    private void acknowledge(MqttPublishMessage message, IngestException failure) {
        if (!endpoint.isConnected()) {
            return;
        }
        boolean qos2 = message.qosLevel() == MqttQoS.EXACTLY_ONCE;
        if (failure == null) {
            if (qos2) {
                endpoint.publishReceived(message.messageId());
            } else {
                endpoint.publishAcknowledge(message.messageId());
            }
            return;
        }
        Reaction reaction = MqttReasonCodes.reaction(failure, endpoint.protocolVersion());
        switch (reaction) {
            case ACK_WITH_CODE -> {
                MqttPubAckReasonCode code = MqttReasonCodes.pubAck(failure);
                MqttProperties reason = MqttReasonCodes.reasonString(failure.getMessage());
                if (qos2) {
                    endpoint.publishReceived(message.messageId(), MqttPubRecReasonCode.valueOf(code.value()), reason);
                } else {
                    endpoint.publishAcknowledge(message.messageId(), code, reason);
                }
            }
            case ACK_AND_DROP -> {
                if (qos2) {
                    endpoint.publishReceived(message.messageId());
                } else {
                    endpoint.publishAcknowledge(message.messageId());
                }
            }
            case CLOSE -> {
                LOG.info("Closing MQTT 3.1.1 connection of {}: {}", device.id(), failure.getMessage());
                end(MqttDisconnectReasonCode.UNSPECIFIED_ERROR, failure.getMessage());
            }
        }
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        List<MqttQoS> grantedV3 = new ArrayList<>();
        subscribe.topicSubscriptions().forEach(s -> {
            boolean allowed = isOwnDownlinkFilter(s.topicName());
            MqttQoS granted = s.qualityOfService() == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
            if (allowed) {
                subscriptions.add(s.topicName());
            } else {
                metrics.rejected("subscriptions", TRANSPORT, "foreign_topic");
                LOG.debug("Refused subscription of {} to '{}'", device.id(), s.topicName());
            }
            codes.add(allowed ? MqttSubAckReasonCode.qosGranted(granted) : MqttSubAckReasonCode.NOT_AUTHORIZED);
            grantedV3.add(allowed ? granted : MqttQoS.FAILURE);
        });
        if (endpoint.protocolVersion() >= MqttReasonCodes.MQTT_5) {
            endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        } else {
            endpoint.subscribeAcknowledge(subscribe.messageId(), grantedV3);
        }
        for (MessageType type : List.of(MessageType.COMMANDS, MessageType.TIP_STATES)) {
            if (isListening(type)) {
                onListening.accept(device.id(), type);
            }
        }
    }

    /**
     * Whether one of the device's subscriptions covers its downlink topic of this type; for types added after
     * v1.0 ({@link MessageType#byNameOnly()}) only a subscription to the topic itself counts.
     */
    boolean isListening(MessageType type) {
        String topic = Topics.mqtt(device.id(), type);
        if (type.byNameOnly()) {
            return subscriptions.contains(topic);
        }
        String levelFilter = Topics.downlinkFilter(device.id());
        String multiFilter = levelFilter.substring(0, levelFilter.length() - 1) + "#";
        return subscriptions.contains(topic) || subscriptions.contains(levelFilter) || subscriptions.contains(multiFilter);
    }

    /**
     * Publishes a downlink message at QoS 1 in the device's own encoding; the future succeeds when the device
     * acknowledged it (PUBACK), and fails if the connection ends first.
     */
    Future<Void> deliver(MessageType type, byte[] json, byte[] cbor) {
        Promise<Void> acked = Promise.promise();
        context.runOnContext(v -> {
            if (!endpoint.isConnected() || !isListening(type)) {
                acked.fail(new DeviceUnreachableException(device.id() + " is not listening for " + type.segment()));
                return;
            }
            Encoding encoding = deviceEncoding;
            MqttProperties properties = new MqttProperties();
            if (endpoint.protocolVersion() >= MqttReasonCodes.MQTT_5) {
                properties.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, encoding.contentType()));
            }
            endpoint.publish(Topics.mqtt(device.id(), type), Buffer.buffer(encoding == Encoding.CBOR ? cbor : json),
                            MqttQoS.AT_LEAST_ONCE, false, false, nextMessageId(), properties)
                    .onSuccess(id -> awaitingAck.put(id, acked))
                    .onFailure(acked::tryFail);
        });
        return acked.future();
    }

    private int nextMessageId() {
        int id = endpoint.lastMessageId();
        do {
            id = id % 65535 + 1;
        } while (awaitingAck.containsKey(id));
        return id;
    }

    private void onDownlinkAck(int messageId) {
        Promise<Void> acked = awaitingAck.remove(messageId);
        if (acked != null) {
            acked.tryComplete();
        }
    }

    /** The connection ended: nothing in flight was acknowledged. */
    void closed() {
        awaitingAck.values().forEach(p -> p.tryFail(new DeviceUnreachableException(device.id() + " disconnected")));
        awaitingAck.clear();
    }

    /** A device may subscribe to its own downlink topics, one by one or with the filters m2m/v1/{id}/+ or /#. */
    private boolean isOwnDownlinkFilter(String filter) {
        String own = Topics.downlinkFilter(device.id());
        if (filter.equals(own) || filter.equals(own.substring(0, own.length() - 1) + "#")) {
            return true;
        }
        try {
            DeviceTopic topic = Topics.parseMqtt(filter);
            return topic.deviceId().equals(device.id()) && !topic.type().isUplink();
        } catch (ContractViolation e) {
            return false;
        }
    }

    /** Ends the connection because a newer one of the same device took over. */
    void takenOver() {
        end(MqttDisconnectReasonCode.SESSION_TAKEN_OVER, "the device connected again");
    }

    /**
     * Ends the connection: MQTT 5 devices first get a DISCONNECT with the reason (which closes the socket),
     * MQTT 3.1.1 devices see the socket close. Safe to call on a connection that is already closing.
     */
    void end(MqttDisconnectReasonCode reason, String text) {
        try {
            if (endpoint.isConnected() && endpoint.protocolVersion() >= MqttReasonCodes.MQTT_5) {
                endpoint.disconnect(reason, MqttReasonCodes.reasonString(text));
            } else {
                endpoint.close();
            }
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            LOG.debug("Connection of {} was already closed", device.id());
        }
    }
}
