package care.m2m.gateway.coap;

import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.devices.DevicePsks;
import care.m2m.gateway.metrics.GatewayMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scandium's source of pre-shared keys: the PSK identity is the device id, and the key is derived by
 * {@link DevicePsks} but handed out only while the device is registered (a deleted device's handshake fails
 * with unknown_psk_identity). The registry lookup is asynchronous, so a cold cache never blocks a Scandium
 * thread: the result goes to the {@link HandshakeResultHandler} when the lookup completes.
 */
final class DevicePskStore implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePskStore.class);

    private final DeviceDirectory directory;
    private final DevicePsks psks;
    private final GatewayMetrics metrics;
    private volatile HandshakeResultHandler resultHandler;

    DevicePskStore(DeviceDirectory directory, DevicePsks psks, GatewayMetrics metrics) {
        this.directory = directory;
        this.psks = psks;
        this.metrics = metrics;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName,
            PskPublicInformation identity, String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
            boolean useExtendedMasterSecret) {
        String deviceId = identity.getPublicInfoAsString();
        if (!Topics.isValidDeviceId(deviceId)) {
            return refused(cid, identity, "invalid_psk_identity");
        }
        Future<Optional<Device>> found = directory.find(deviceId);
        if (found.isComplete()) {
            return result(cid, identity, found);
        }
        // Scandium runs the handler on the connection's serial executor, after this call has returned
        found.onComplete(done -> resultHandler.apply(result(cid, identity, done)));
        return null;
    }

    private PskSecretResult result(ConnectionId cid, PskPublicInformation identity, AsyncResult<Optional<Device>> found) {
        String deviceId = identity.getPublicInfoAsString();
        if (found.failed()) {
            LOG.warn("Device registry unavailable during the DTLS handshake of {}: {}", deviceId, found.cause().toString());
            return refused(cid, identity, "registry_unavailable");
        }
        if (found.result().isEmpty()) {
            return refused(cid, identity, "unknown_psk_identity");
        }
        return new PskSecretResult(cid, identity, SecretUtil.create(psks.pskBytes(deviceId), PskSecretResult.ALGORITHM_PSK));
    }

    private PskSecretResult refused(ConnectionId cid, PskPublicInformation identity, String reason) {
        metrics.connectionRefused(CoapTransport.TRANSPORT, reason);
        LOG.info("Refused DTLS handshake of PSK identity '{}': {}", identity.getPublicInfoAsString(), reason);
        return new PskSecretResult(cid, identity, null);
    }

    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress,
            ServerNames virtualHost) {
        return null;
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        this.resultHandler = resultHandler;
    }
}
