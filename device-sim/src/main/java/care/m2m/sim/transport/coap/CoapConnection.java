package care.m2m.sim.transport.coap;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.sim.transport.ConnectionEvents;
import care.m2m.sim.transport.ConnectionSettings;
import care.m2m.sim.transport.DeviceConnection;
import care.m2m.sim.transport.ReasonCodes;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated CoAP device. Uplink messages are confirmable POSTs to {@code /m2m/v1/{id}/{type}}: the future
 * completes with 0 on 2.04 and with {@link ReasonCodes#coap(int) the CoAP code} on a 4.xx/5.xx refusal, so
 * the runner counts them like MQTT PUBACK reason codes. A 5.03 is not a refusal: the device waits the
 * response's Max-Age and sends the same message again, as the gateway asks. A request without any answer
 * after CoAP's retransmissions is left to the runner's acknowledgement timeout (counted as timed out). The
 * downlink is observed by {@link CoapDownlink}; "connected" means the gateway accepted the observation of the
 * device's commands, which proves the token or the DTLS handshake.
 */
final class CoapConnection implements DeviceConnection {

    private static final Logger LOG = LoggerFactory.getLogger(CoapConnection.class);
    /** RFC 7252, 5.10.5: a response without Max-Age is fresh for 60 seconds. */
    private static final long DEFAULT_MAX_AGE_SECONDS = 60;

    private final ConnectionSettings settings;
    private final boolean secure;
    private final ConnectionEvents events;
    private final CoapFleet fleet;
    private final Endpoint endpoint;
    private final String baseUri;
    private final CoapDownlink downlink;
    private final AtomicBoolean closed = new AtomicBoolean();

    CoapConnection(ConnectionSettings settings, ConnectionEvents events, boolean secure) {
        this.settings = settings;
        this.events = events;
        this.secure = secure;
        this.baseUri = baseUri(settings.serverUri(), secure);
        this.fleet = CoapFleet.acquire();
        try {
            this.endpoint = secure ? fleet.dtlsEndpoint(settings.deviceId(), settings.psk()) : fleet.plainEndpoint();
        } catch (RuntimeException e) {
            CoapFleet.release(fleet);
            throw e;
        }
        this.downlink = new CoapDownlink(this, events);
    }

    /** The scheme, resolved address and port of the server, so that requests need no name lookup. */
    private static String baseUri(String serverUri, boolean secure) {
        URI uri = URI.create(serverUri);
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? CoAP.DEFAULT_COAP_SECURE_PORT : CoAP.DEFAULT_COAP_PORT;
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("CoAP server " + serverUri + ": cannot resolve host " + uri.getHost());
        }
        String host = address.getAddress().getHostAddress();
        return uri.getScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
    }

    /** Addresses {@code request} to the device's resource of {@code type}, with the token in plain mode. */
    Request prepare(Request request, MessageType type) {
        request.setURI(baseUri + String.join("/", Topics.coapPath(settings.deviceId(), type)));
        if (!secure) {
            request.getOptions().addUriQuery("token=" + settings.secret());
        }
        return request;
    }

    @Override
    public CompletableFuture<Void> connect() {
        return downlink.start();
    }

    @Override
    public CompletableFuture<Integer> publish(String topic, byte[] payload, String contentType) {
        MessageType type = Topics.parseMqtt(topic).type();
        Encoding encoding = Encoding.fromContentType(contentType).orElseGet(() -> Encoding.sniff(payload));
        CompletableFuture<Integer> result = new CompletableFuture<>();
        send(topic, type, payload, encoding.coapContentFormat(), result);
        return result;
    }

    private void send(String topic, MessageType type, byte[] payload, int format, CompletableFuture<Integer> result) {
        if (closed.get()) {
            result.completeExceptionally(new IllegalStateException("device " + settings.deviceId() + " is closed"));
            return;
        }
        Request request = prepare(Request.newPost(), type);
        request.setPayload(payload);
        request.getOptions().setContentFormat(format);
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                if (response.getCode() == ResponseCode.SERVICE_UNAVAILABLE) {
                    long wait = response.getOptions().hasMaxAge() ? response.getOptions().getMaxAge()
                            : DEFAULT_MAX_AGE_SECONDS;
                    LOG.debug("device {}: 5.03 for {}, sending it again in {} s", settings.deviceId(), type, wait);
                    events.retryLater(topic, wait);
                    fleet.later(() -> send(topic, type, payload, format, result), wait, TimeUnit.SECONDS);
                } else {
                    result.complete(response.isSuccess() ? 0 : ReasonCodes.coap(response.getCode().value));
                }
            }

            @Override
            public void onTimeout() {
                LOG.debug("device {}: no answer to a {} POST after CoAP's retransmissions", settings.deviceId(), type);
            }

            @Override
            public void onReject() {
                result.completeExceptionally(new IllegalStateException("device " + settings.deviceId()
                        + ": the gateway reset the " + type + " POST"));
            }

            @Override
            protected void failed() {
                if (!request.isTimedOut() && !request.isRejected()) {
                    result.completeExceptionally(new IllegalStateException("device " + settings.deviceId() + ": "
                            + type + " POST failed: " + request.getSendError()));
                }
            }
        });
        endpoint.sendRequest(request);
    }

    @Override
    public boolean isConnected() {
        return downlink.isObserving();
    }

    @Override
    public CompletableFuture<Void> disconnect(Duration timeout) {
        downlink.stop(true);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void dropAbruptly() {
        downlink.stop(false);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        downlink.close();
        if (secure) {
            endpoint.destroy();
        }
        CoapFleet.release(fleet);
    }

    ConnectionSettings settings() {
        return settings;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    CoapFleet fleet() {
        return fleet;
    }

    String serverUri() {
        return settings.serverUri();
    }
}
