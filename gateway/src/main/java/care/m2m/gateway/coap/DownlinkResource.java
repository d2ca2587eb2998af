package care.m2m.gateway.coap;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.ingest.IngestException;
import care.m2m.gateway.metrics.GatewayMetrics;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's downlink of one type ({@code commands}, {@code tips} or {@code config}), observed by the
 * device. Messages wait in a queue and go out one at a time as confirmable notifications; the next one is
 * sent when the device acknowledged the previous, so an acknowledgement always belongs to one message.
 * All state is touched on the Vert.x context only (through {@link #getExecutor()}).
 */
final class DownlinkResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkResource.class);

    private record Pending(byte[] json, byte[] cbor, Promise<Void> acked) {
    }

    private final String deviceId;
    private final MessageType type;
    private final Executor onContext;
    private final CoapDeviceAuth auth;
    private final CoapDownlink downlink;
    private final GatewayMetrics metrics;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean inFlight;
    private Encoding encoding = Encoding.CBOR;

    DownlinkResource(String deviceId, MessageType type, Executor onContext, CoapDeviceAuth auth, CoapDownlink downlink,
            GatewayMetrics metrics) {
        super(type.segment(), false);
        this.deviceId = deviceId;
        this.type = type;
        this.onContext = onContext;
        this.auth = auth;
        this.downlink = downlink;
        this.metrics = metrics;
        setObservable(true);
        setObserveType(Type.CON);
    }

    String deviceId() {
        return deviceId;
    }

    MessageType type() {
        return type;
    }

    boolean isObserved() {
        return getObserverCount() > 0;
    }

    @Override
    public Executor getExecutor() {
        return onContext;
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        ObserveRelation relation = exchange.advanced().getRelation();
        if (relation != null && relation.isEstablished()) {
            notification(exchange);
            return;
        }
        auth.authenticate(exchange, deviceId).onComplete(authenticated -> {
            if (authenticated.failed()) {
                exchange.respond(authenticated.cause() instanceof CoapRefusal refusal ? CoapResponseCodes.refusal(refusal)
                        : CoapResponseCodes.failure(IngestException.unavailable(authenticated.cause())));
            } else {
                subscribe(exchange, authenticated.result());
            }
        });
    }

    private void subscribe(CoapExchange exchange, Device device) {
        if (!device.id().equals(deviceId)) {
            metrics.rejected("subscriptions", CoapTransport.TRANSPORT, "foreign_topic");
            exchange.respond(CoapResponseCodes.failure(IngestException.notAuthorized("foreign_topic",
                    "device " + device.id() + " may not observe the " + type.segment() + " of device " + deviceId)));
            return;
        }
        DownlinkResource kept = downlink.register(this);
        if (kept != this) {
            // another resource object serves this device already: observe that one on the next try
            exchange.respond(CoapResponseCodes.failure(IngestException.unavailable(
                    new IllegalStateException("a concurrent observe of " + deviceId + " won"))));
            return;
        }
        encoding = CoapRequestOptions.accept(exchange.getRequestOptions());
        Response empty = new Response(ResponseCode.CONTENT);
        empty.getOptions().setContentFormat(encoding.coapContentFormat());
        if (exchange.getRequestOptions().hasObserve()) {
            // the relation is established once this answer is on its way; only then can notifications go out
            empty.addMessageObserver(new MessageObserverAdapter() {
                @Override
                public void onSent(boolean retransmission) {
                    if (!retransmission) {
                        onContext.execute(() -> startedObserving());
                    }
                }
            });
        }
        exchange.respond(empty);
    }

    private void startedObserving() {
        LOG.debug("Device {} observes its {} over CoAP", deviceId, type.segment());
        downlink.listening(deviceId, type);
        sendNext();
    }

    /** A notification: the message at the head of the queue, acknowledged by the device or failed. */
    private void notification(CoapExchange exchange) {
        Pending head = queue.peek();
        Response response = new Response(ResponseCode.CONTENT);
        response.getOptions().setContentFormat(encoding.coapContentFormat());
        if (head != null) {
            response.setPayload(encoding == Encoding.CBOR ? head.cbor() : head.json());
            response.addMessageObserver(new MessageObserverAdapter() {
                @Override
                public void onAcknowledgement() {
                    onContext.execute(() -> acknowledged(head));
                }

                @Override
                public void onTimeout() {
                    onContext.execute(() -> notificationFailed(head, "did not acknowledge"));
                }

                @Override
                public void onReject() {
                    onContext.execute(() -> notificationFailed(head, "rejected the notification"));
                }

                @Override
                public void onSendError(Throwable error) {
                    onContext.execute(() -> notificationFailed(head, "could not be reached: " + error));
                }
            });
        }
        exchange.respond(response);
    }

    void enqueue(byte[] json, byte[] cbor, Promise<Void> acked) {
        if (!isObserved()) {
            acked.tryFail(new DeviceUnreachableException(deviceId + " stopped observing " + type.segment()));
            return;
        }
        queue.add(new Pending(json, cbor, acked));
        sendNext();
    }

    private void sendNext() {
        if (inFlight || queue.isEmpty()) {
            return;
        }
        if (!isObserved()) {
            failAll("stopped observing");
            return;
        }
        inFlight = true;
        changed();
    }

    private void failAll(String why) {
        queue.forEach(p -> p.acked().tryFail(new DeviceUnreachableException(deviceId + " " + why)));
        queue.clear();
    }

    private void acknowledged(Pending head) {
        if (queue.peek() != head) {
            return;
        }
        queue.poll();
        head.acked().tryComplete();
        inFlight = false;
        sendNext();
    }

    private void notificationFailed(Pending head, String why) {
        if (queue.peek() != head) {
            return;
        }
        queue.poll();
        inFlight = false;
        head.acked().tryFail(new DeviceUnreachableException(deviceId + " " + why));
        LOG.debug("CoAP {} notification to {} failed: {}", type.segment(), deviceId, why);
        sendNext();
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        metrics.rejected("packets", CoapTransport.TRANSPORT, "downlink_topic");
        exchange.respond(CoapResponseCodes.failure(IngestException.notAuthorized("downlink_topic",
                "devices observe " + type.segment() + " with GET and Observe: 0; they may not post to it")));
    }
}
