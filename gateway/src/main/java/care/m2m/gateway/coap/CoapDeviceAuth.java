package care.m2m.gateway.coap;

import care.m2m.gateway.coap.CoapRefusal.Kind;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.security.AuthThrottle;
import io.vertx.core.Future;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sent a CoAP request. Over DTLS the handshake already proved it: the PSK identity is the device id.
 * Over plain CoAP the device claims the id in the path and proves it with its secret in the {@code token}
 * query parameter, which crosses the network in clear text (trusted networks and tests only).
 * Every refusal is counted in {@code m2mcare_connections_refused_total{transport="coap"}}.
 */
final class CoapDeviceAuth {

    static final String TOKEN_PARAMETER = "token";
    private static final Logger LOG = LoggerFactory.getLogger(CoapDeviceAuth.class);

    private final DeviceDirectory directory;
    private final GatewayMetrics metrics;
    private final AuthThrottle throttle;

    CoapDeviceAuth(DeviceDirectory directory, GatewayMetrics metrics, AuthThrottle throttle) {
        this.directory = directory;
        this.metrics = metrics;
        this.throttle = throttle;
    }

    /**
     * The registered device behind the request; fails with {@link CoapRefusal}.
     *
     * @param pathDeviceId the device id in the request path, the claimed identity of a token request
     */
    Future<Device> authenticate(CoapExchange exchange, String pathDeviceId) {
        EndpointContext source = exchange.advanced().getRequest().getSourceContext();
        Principal peer = source == null ? null : source.getPeerIdentity();
        if (peer instanceof PreSharedKeyIdentity psk) {
            return lookup(psk.getIdentity()).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                    : refuse("unknown_device", "the DTLS identity " + psk.getIdentity() + " is no longer registered"));
        }
        String token = CoapRequestOptions.token(exchange.getRequestOptions());
        if (token == null || token.isEmpty()) {
            return refuse("missing_token", "expected DTLS (coaps) or the device secret in the query parameter '"
                    + TOKEN_PARAMETER + "', got neither");
        }
        String device = AuthThrottle.device(pathDeviceId);
        String address = AuthThrottle.address(source == null || source.getPeerAddress() == null ? "unknown"
                : source.getPeerAddress().getAddress().getHostAddress());
        if (throttle.blocked(device, address)) {
            metrics.connectionRefused(CoapTransport.TRANSPORT, "throttled");
            return Future.failedFuture(new CoapRefusal(Kind.THROTTLED, "throttled",
                    "too many failed attempts for this device or address; retry later"));
        }
        return lookup(pathDeviceId).compose(found -> {
            if (found.isEmpty()) {
                throttle.failure(device, address);
                return refuse("unknown_device", "no device " + pathDeviceId + " is registered");
            }
            return directory.verifySecret(found.get(), token).recover(e -> {
                LOG.warn("Could not check the secret of CoAP device {}: {}", pathDeviceId, e.toString());
                metrics.connectionRefused(CoapTransport.TRANSPORT, "registry_unavailable");
                return Future.failedFuture(new CoapRefusal(Kind.UNAVAILABLE, "registry_unavailable",
                        "device secrets cannot be checked now, retry later"));
            }).compose(matched -> {
                if (!matched) {
                    throttle.failure(device, address);
                    return refuse("bad_secret", "the token is not the secret of device " + pathDeviceId);
                }
                throttle.success(device);
                return Future.succeededFuture(found.get());
            });
        });
    }

    private Future<Optional<Device>> lookup(String deviceId) {
        return directory.find(deviceId).recover(e -> {
            LOG.warn("Device registry unavailable while authenticating CoAP device {}: {}", deviceId, e.toString());
            metrics.connectionRefused(CoapTransport.TRANSPORT, "registry_unavailable");
            return Future.failedFuture(new CoapRefusal(Kind.UNAVAILABLE, "registry_unavailable",
                    "device registry unavailable, retry later"));
        });
    }

    private <T> Future<T> refuse(String reason, String message) {
        metrics.connectionRefused(CoapTransport.TRANSPORT, reason);
        LOG.debug("Refused CoAP request: {} ({})", message, reason);
        return Future.failedFuture(new CoapRefusal(Kind.UNAUTHENTICATED, reason, message));
    }
}
