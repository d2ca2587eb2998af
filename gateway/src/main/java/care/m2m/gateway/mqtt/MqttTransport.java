package care.m2m.gateway.mqtt;

import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.config.GatewayConfig.MqttSettings;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.ingest.IngestService;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.security.AuthThrottle;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 and 5 endpoint for devices. Authenticates each connection against the device registry
 * (client id = username = device id, password = the device's secret), then hands it to a
 * {@link MqttDeviceConnection}. Deployed once per event loop; all instances share the port and the
 * {@link ConnectedDevices} registry.
 */
public final class MqttTransport extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);

    private final MqttSettings settings;
    private final DeviceDirectory directory;
    private final IngestService ingest;
    private final ConnectedDevices connected;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final AuthThrottle throttle;
    private MqttServer server;
    private MqttServer tlsServer;

    public MqttTransport(MqttSettings settings, DeviceDirectory directory, IngestService ingest,
            ConnectedDevices connected, GatewayMetrics metrics, Clock clock, AuthThrottle throttle) {
        this.throttle = throttle;
        this.settings = settings;
        this.directory = directory;
        this.ingest = ingest;
        this.connected = connected;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        Future<?> plain = settings.plainEnabled()
                ? listen(options(settings.port())).onSuccess(s -> server = s) : Future.succeededFuture();
        Future<?> secure = settings.tls().map(tls -> {
            MqttServerOptions options = options(settings.tlsPort());
            options.setSsl(true).setKeyCertOptions(tls.options());
            return listen(options).onSuccess(s -> tlsServer = s);
        }).orElse(Future.succeededFuture());
        return Future.all(plain, secure);
    }

    private MqttServerOptions options(int port) {
        MqttServerOptions options = new MqttServerOptions()
                .setMaxMessageSize(settings.maxPacketBytes())
                .setMaxClientIdLength(64);
        options.setHost(settings.host()).setPort(port);
        return options;
    }

    private Future<MqttServer> listen(MqttServerOptions options) {
        return MqttServer.create(vertx, options)
                .endpointHandler(this::onConnect)
                .exceptionHandler(e -> LOG.debug("MQTT server error: {}", e.toString()))
                .listen()
                .onSuccess(s -> LOG.info("MQTT{} listening on {}:{}", options.isSsl() ? " over TLS" : "",
                        settings.host(), s.actualPort()));
    }

    @Override
    public Future<?> stop() {
        return Future.all(server == null ? Future.succeededFuture() : server.close(),
                tlsServer == null ? Future.succeededFuture() : tlsServer.close());
    }

    /** The bound plain port (useful when configured with port 0), or -1 when plain MQTT is off. */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    /** The bound MQTT-over-TLS port, or -1 when TLS is not configured. */
    public int tlsActualPort() {
        return tlsServer == null ? -1 : tlsServer.actualPort();
    }

    private void onConnect(MqttEndpoint endpoint) {
        int version = endpoint.protocolVersion();
        String clientId = endpoint.clientIdentifier();
        MqttAuth auth = endpoint.auth();
        if (!Topics.isValidDeviceId(clientId)) {
            refuse(endpoint, MqttReasonCodes.identifierRejected(version), "invalid_client_id");
            return;
        }
        if (auth == null || auth.getPassword() == null || !clientId.equals(auth.getUsername())) {
            refuse(endpoint, MqttReasonCodes.badCredentials(version), "bad_credentials");
            return;
        }
        String device = AuthThrottle.device(clientId);
        String address = AuthThrottle.address(endpoint.remoteAddress() == null ? "unknown" : endpoint.remoteAddress().host());
        if (throttle.blocked(device, address)) {
            refuse(endpoint, MqttReasonCodes.rateExceeded(version), "throttled");
            return;
        }
        directory.find(clientId).onComplete(found -> {
            if (found.failed()) {
                LOG.warn("Device registry unavailable while {} connected: {}", clientId, found.cause().toString());
                refuse(endpoint, MqttReasonCodes.serverUnavailable(version), "registry_unavailable");
            } else if (found.result().isEmpty()) {
                throttle.failure(device, address);
                refuse(endpoint, MqttReasonCodes.badCredentials(version), "unknown_device");
            } else {
                checkSecret(endpoint, found.result().get(), auth.getPassword(), device, address);
            }
        });
    }

    /** The key derivation runs on the hashing pool; the outcome comes back on this connection's event loop. */
    private void checkSecret(MqttEndpoint endpoint, Device found, String password, String device, String address) {
        int version = endpoint.protocolVersion();
        directory.verifySecret(found, password).onComplete(verified -> {
            if (verified.failed()) {
                LOG.warn("Could not check the secret of {}: {}", found.id(), verified.cause().toString());
                refuse(endpoint, MqttReasonCodes.serverUnavailable(version), "registry_unavailable");
            } else if (!verified.result()) {
                throttle.failure(device, address);
                refuse(endpoint, MqttReasonCodes.badCredentials(version), "bad_secret");
            } else {
                throttle.success(device);
                accept(endpoint, found);
            }
        });
    }

    private void accept(MqttEndpoint endpoint, Device device) {
        MqttDeviceConnection connection = new MqttDeviceConnection(endpoint, device, ingest, metrics, clock,
                connected::listening, settings.consolidateFlushes());
        connection.attachHandlers();
        endpoint.exceptionHandler(e -> onConnectionError(connection, endpoint, e));
        endpoint.closeHandler(v -> {
            connection.closed();
            connected.remove(connection);
            LOG.debug("Device {} disconnected", device.id());
        });
        endpoint.accept(false, connackProperties(endpoint.protocolVersion()));
        Optional<MqttDeviceConnection> previous = connected.add(connection);
        previous.ifPresent(MqttDeviceConnection::takenOver);
        directory.touch(device.id(), null)
                .onFailure(e -> LOG.debug("Could not record last-seen of {}: {}", device.id(), e.toString()));
        LOG.debug("Device {} connected with MQTT {}", device.id(), endpoint.protocolVersion());
    }

    private MqttProperties connackProperties(int version) {
        MqttProperties properties = new MqttProperties();
        if (version >= MqttReasonCodes.MQTT_5) {
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, settings.receiveMaximum()));
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, settings.maxPacketBytes()));
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.RETAIN_AVAILABLE, 0));
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.SHARED_SUBSCRIPTION_AVAILABLE, 0));
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.TOPIC_ALIAS_MAXIMUM, 0));
        }
        return properties;
    }

    private void onConnectionError(MqttDeviceConnection connection, MqttEndpoint endpoint, Throwable error) {
        if (isTooLarge(error)) {
            metrics.rejected("packets", MqttDeviceConnection.TRANSPORT, "packet_too_large");
            LOG.info("Device {} sent a packet larger than {} bytes; disconnecting", connection.deviceId(),
                    settings.maxPacketBytes());
            connection.end(MqttDisconnectReasonCode.PACKET_TOO_LARGE,
                    "packet larger than " + settings.maxPacketBytes() + " bytes");
        } else {
            metrics.rejected("packets", MqttDeviceConnection.TRANSPORT, "malformed_packet");
            LOG.info("MQTT connection of {} failed: {}", connection.deviceId(), error.toString());
            connection.end(MqttDisconnectReasonCode.MALFORMED_PACKET, error.getMessage());
        }
    }

    private static boolean isTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TooLongFrameException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(MqttEndpoint endpoint, MqttConnectReturnCode code, String reason) {
        metrics.connectionRefused(MqttDeviceConnection.TRANSPORT, reason);
        LOG.info("Refused MQTT connection of '{}' from {}: {}", endpoint.clientIdentifier(), endpoint.remoteAddress(), reason);
        endpoint.reject(code);
    }
}
