package care.m2m.gateway.coap;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.ingest.IngestException;
import care.m2m.gateway.ingest.IngestService;
import care.m2m.gateway.ingest.Uplink;
import care.m2m.gateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /m2m/v1/{deviceId}/{type}}: one shared instance serves every device and message type (it
 * reads both from the request path), so that thousands of devices cost no resource objects. Runs on the
 * Vert.x context through {@link #getExecutor()}; answers 2.04 only once the ingest path reports the message
 * durable, otherwise what {@link CoapResponseCodes} says.
 */
final class UplinkResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkResource.class);

    private final Executor onContext;
    private final CoapDeviceAuth auth;
    private final IngestService ingest;
    private final GatewayMetrics metrics;
    private final Clock clock;

    UplinkResource(Executor onContext, CoapDeviceAuth auth, IngestService ingest, GatewayMetrics metrics, Clock clock) {
        super("uplink", false);
        this.onContext = onContext;
        this.auth = auth;
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Executor getExecutor() {
        return onContext;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        long arrived = System.nanoTime();
        DeviceTopic topic;
        try {
            topic = CoapRequestOptions.topic(exchange.getRequestOptions());
        } catch (ContractViolation e) {
            refuse(exchange, IngestException.invalidTopic(e));
            return;
        }
        auth.authenticate(exchange, topic.deviceId()).onComplete(authenticated -> {
            if (authenticated.succeeded()) {
                accept(exchange, authenticated.result(), topic, arrived);
            } else if (authenticated.cause() instanceof CoapRefusal refusal) {
                exchange.respond(CoapResponseCodes.refusal(refusal));
            } else {
                LOG.error("Unexpected failure authenticating a CoAP request to {}", topic, authenticated.cause());
                exchange.respond(CoapResponseCodes.failure(IngestException.unavailable(authenticated.cause())));
            }
        });
    }

    private void accept(CoapExchange exchange, Device device, DeviceTopic topic, long arrived) {
        Encoding encoding;
        try {
            encoding = CoapRequestOptions.contentFormat(exchange.getRequestOptions());
        } catch (ContractViolation e) {
            refuse(exchange, IngestException.invalid(e));
            return;
        }
        Uplink uplink = new Uplink(device, topic, exchange.getRequestPayload(), encoding, CoapTransport.TRANSPORT,
                clock.instant());
        Future<Void> stored;
        try {
            stored = ingest.ingest(uplink);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure handling CoAP {} from {}", topic.type().segment(), device.id(), e);
            stored = Future.failedFuture(IngestException.unavailable(e));
        }
        stored.onComplete(result -> {
            if (result.succeeded()) {
                exchange.respond(CoapResponseCodes.changed());
                // after the response is handed to Californium, as the MQTT transport records after its PUBACK
                metrics.acknowledged(CoapTransport.TRANSPORT, System.nanoTime() - arrived);
            } else {
                exchange.respond(CoapResponseCodes.failure((IngestException) result.cause()));
            }
        });
    }

    /** A refusal before the ingest path ran, counted like the MQTT transport counts its own. */
    private void refuse(CoapExchange exchange, IngestException failure) {
        metrics.rejected("packets", CoapTransport.TRANSPORT, failure.reason());
        LOG.debug("Refused CoAP request to {}: {}", exchange.getRequestOptions().getUriPathString(), failure.getMessage());
        exchange.respond(CoapResponseCodes.failure(failure));
    }
}
