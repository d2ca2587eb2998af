package care.m2m.sim.transport.coap;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.sim.transport.ConnectRefusedException;
import care.m2m.sim.transport.ConnectionEvents;
import care.m2m.sim.transport.ReasonCodes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CoAP device's downlink: it observes its commands, tips and configuration resources (RFC 7641) with Accept
 * set to its encoding, and passes each notification to the firmware as MQTT would deliver the message (same
 * topic name, same content type), so the firmware and the runner need no CoAP code. Californium acknowledges
 * each confirmable notification, which is what tells the gateway to send the next one. The first answer of
 * the commands observation decides the connect: 2.05 is connected, 4.01/4.03 a refusal. An observation that
 * ends (an error answer, a failed re-registration) is renewed after a few seconds, as firmware does.
 */
final class CoapDownlink {

    private static final Logger LOG = LoggerFactory.getLogger(CoapDownlink.class);
    private static final List<MessageType> OBSERVED = List.of(MessageType.COMMANDS, MessageType.TIPS,
            MessageType.CONFIG, MessageType.TIP_STATES);
    private static final long RENEW_AFTER_MS = 5_000;

    private final CoapConnection connection;
    private final ConnectionEvents events;
    private final CoapClient client = new CoapClient();
    private final Map<MessageType, CoapObserveRelation> relations = new ConcurrentHashMap<>();
    private final AtomicBoolean observing = new AtomicBoolean();
    private final AtomicBoolean everObserved = new AtomicBoolean();
    private volatile boolean active;

    CoapDownlink(CoapConnection connection, ConnectionEvents events) {
        this.connection = connection;
        this.events = events;
        client.setEndpoint(connection.endpoint());
    }

    /** Observes every downlink resource; the future completes with the first answer on the commands resource. */
    CompletableFuture<Void> start() {
        active = true;
        CompletableFuture<Void> first = new CompletableFuture<>();
        observe(MessageType.COMMANDS, first, false);
        return first;
    }

    /**
     * @param first    completed by the first answer (commands only; null for tips and configuration)
     * @param renewal  the observation is renewed after it ended: a failure is retried here, not by the caller
     */
    private void observe(MessageType type, CompletableFuture<Void> first, boolean renewal) {
        if (!active) {
            return;
        }
        Request request = connection.prepare(Request.newGet(), type);
        request.setObserve();
        request.getOptions().setAccept(connection.settings().encoding().coapContentFormat());
        relations.put(type, client.observe(request, new Handler(type, first, renewal)));
    }

    private final class Handler implements CoapHandler {

        private final MessageType type;
        private final CompletableFuture<Void> first;
        private final boolean renewal;

        Handler(MessageType type, CompletableFuture<Void> first, boolean renewal) {
            this.type = type;
            this.first = first;
            this.renewal = renewal;
        }

        @Override
        public void onLoad(CoapResponse response) {
            if (!response.isSuccess()) {
                int code = ReasonCodes.coap(response.getCode().value);
                ended(new IllegalStateException("observing " + type + " answered "
                        + ReasonCodes.describe(code) + ": " + response.getResponseText()), code);
            } else if (first != null && !first.isDone()) {
                first.complete(null);
                observed();
            } else if (response.getPayloadSize() > 0) {
                String contentType = Encoding.fromCoapContentFormat(response.getOptions().getContentFormat())
                        .map(Encoding::contentType).orElse(null);
                events.downlink(Topics.mqtt(connection.settings().deviceId(), type), response.getPayload(),
                        contentType);
            }
        }

        @Override
        public void onError() {
            ended(new IllegalStateException("observing " + type + " got no answer"), ReasonCodes.FIRST_FAILURE);
        }

        private void ended(RuntimeException cause, int code) {
            relations.remove(type);
            if (first != null && !first.isDone()) {
                first.completeExceptionally(new ConnectRefusedException(connection.settings().deviceId(),
                        connection.serverUri(), code, cause));
                if (!renewal) {
                    return;
                }
            }
            if (type == MessageType.COMMANDS && observing.compareAndSet(true, false)) {
                events.connectionLost(cause);
            }
            if (!active) {
                return;
            }
            LOG.debug("device {}: {}; observing again shortly", connection.settings().deviceId(), cause.getMessage());
            long delay = (long) (RENEW_AFTER_MS * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
            connection.fleet().later(() -> observe(type, type == MessageType.COMMANDS
                    ? new CompletableFuture<>() : null, true), delay, TimeUnit.MILLISECONDS);
        }

        private void observed() {
            if (type != MessageType.COMMANDS) {
                return;
            }
            if (observing.compareAndSet(false, true)) {
                boolean again = !everObserved.compareAndSet(false, true);
                observe(MessageType.TIPS, null, false);
                observe(MessageType.CONFIG, null, false);
                observe(MessageType.TIP_STATES, null, false);
                events.connected(again);
            }
        }
    }

    boolean isObserving() {
        return observing.get();
    }

    /**
     * Stops observing: {@code tellGateway} cancels each observation with a GET without Observe (a clean
     * disconnect); otherwise the device just forgets them (power loss) and answers the next notification with
     * a reset, which ends the observation on the gateway.
     */
    void stop(boolean tellGateway) {
        active = false;
        observing.set(false);
        for (MessageType type : OBSERVED) {
            CoapObserveRelation relation = relations.remove(type);
            if (relation == null) {
                continue;
            }
            if (tellGateway) {
                relation.proactiveCancel();
            } else {
                relation.reactiveCancel();
            }
        }
    }

    void close() {
        stop(false);
        client.shutdown();
    }
}
