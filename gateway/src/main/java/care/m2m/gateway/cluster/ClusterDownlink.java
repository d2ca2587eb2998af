package care.m2m.gateway.cluster;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.commands.Downlink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downlink of a cluster: a message for a device listening on this instance goes out here; otherwise it is
 * sent over the clustered event bus to the instance that holds the device, which delivers it on its own
 * transports and answers only after the device's acknowledgement (MQTT PUBACK), so the caller's state (a tip
 * delivered on the device channel) stays true. No live holder, or a holder where the device is not listening:
 * {@link DeviceUnreachableException}, and the caller keeps the message for later as in single-node mode.
 */
public final class ClusterDownlink implements Downlink {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDownlink.class);
    static final String ADDRESS = "m2mcare.downlink.";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Vertx vertx;
    private final Downlink local;
    private final DeviceLocator locator;
    private final Membership membership;
    private final MessageCodec codec;

    public ClusterDownlink(Vertx vertx, Downlink local, DeviceLocator locator, Membership membership, MessageCodec codec) {
        this.vertx = vertx;
        this.local = local;
        this.locator = locator;
        this.membership = membership;
        this.codec = codec;
    }

    /** Delivers what other instances route here to devices connected to this instance. */
    public Future<Void> start() {
        return vertx.eventBus().<JsonObject>consumer(ADDRESS + membership.nodeId(), this::deliverHere).completion();
    }

    private void deliverHere(Message<JsonObject> request) {
        String deviceId = request.body().getString("deviceId");
        MessageType type;
        Object message;
        try {
            type = MessageType.fromSegment(request.body().getString("type")).orElseThrow(() ->
                    new IllegalArgumentException("type: expected a downlink message type, got "
                            + request.body().getString("type")));
            message = codec.decode(type, request.body().getBinary("payload"), Encoding.JSON);
        } catch (RuntimeException e) {
            request.fail(400, "bad downlink request for " + deviceId + ": " + e.getMessage());
            return;
        }
        if (!local.isListening(deviceId, type)) {
            request.fail(404, deviceId + " is not listening for " + type.segment() + " on " + membership.nodeId());
            return;
        }
        local.deliver(deviceId, type, message)
                .onSuccess(v -> request.reply("delivered"))
                .onFailure(e -> request.fail(404, e.getMessage()));
    }

    @Override
    public Future<Void> deliver(String deviceId, MessageType type, Object message) {
        if (local.isListening(deviceId, type)) {
            return local.deliver(deviceId, type, message);
        }
        return locator.holder(deviceId).compose(holder -> {
            if (holder.isEmpty() || holder.get().equals(membership.nodeId())) {
                return Future.failedFuture(new DeviceUnreachableException(deviceId + " is not listening for "
                        + type.segment() + " on any gateway instance"));
            }
            JsonObject request = new JsonObject().put("deviceId", deviceId).put("type", type.segment())
                    .put("payload", codec.encode(message, Encoding.JSON));
            return vertx.eventBus().request(ADDRESS + holder.get(), request,
                            new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis()))
                    .<Void>mapEmpty()
                    .recover(e -> {
                        LOG.debug("{} for {} not delivered through {}: {}", type.segment(), deviceId, holder.get(),
                                e.getMessage());
                        return Future.failedFuture(new DeviceUnreachableException(deviceId + " is not reachable"
                                + " through instance " + holder.get() + ": " + e.getMessage()));
                    });
        });
    }

    /** Whether the device listens on this instance: what the command channel asks before sending from here. */
    @Override
    public boolean isListening(String deviceId, MessageType type) {
        return local.isListening(deviceId, type);
    }
}
