package care.m2m.gateway.coap;

import care.m2m.gateway.config.GatewayConfig.CoapSettings;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.devices.DevicePsks;
import care.m2m.gateway.ingest.IngestService;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.security.AuthThrottle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP endpoints for constrained devices: plain CoAP with token authentication and CoAP over DTLS 1.2
 * with per-device pre-shared keys, both serving the same resources: uplink by POST, downlink by observe
 * ({@link CoapDownlink}). Deployed once: Californium has its own
 * I/O threads, and every request is handed to this verticle's Vert.x context through one executor (as Eclipse
 * Hono does), so handlers run on an event loop like the MQTT transport's and never block.
 */
public final class CoapTransport extends VerticleBase {

    static final String TRANSPORT = "coap";
    /** The transport tag of what arrives over DTLS, where it is counted apart from plain CoAP. */
    static final String SECURE_TRANSPORT = "coaps";
    private static final Logger LOG = LoggerFactory.getLogger(CoapTransport.class);

    private final CoapSettings settings;
    private final DeviceDirectory directory;
    private final DevicePsks psks;
    private final IngestService ingest;
    private final CoapDownlink downlink;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private volatile CoapServer server;
    private volatile CoapEndpoint plain;
    private volatile CoapEndpoint secure;

    private final AuthThrottle throttle;

    public CoapTransport(CoapSettings settings, DeviceDirectory directory, DevicePsks psks, IngestService ingest,
            CoapDownlink downlink, GatewayMetrics metrics, Clock clock, AuthThrottle throttle) {
        this.throttle = throttle;
        this.settings = settings;
        this.directory = directory;
        this.psks = psks;
        this.ingest = ingest;
        this.downlink = downlink;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        Executor onContext = task -> context.runOnContext(v -> task.run());
        // binding sockets and starting Californium's threads is blocking work
        return vertx.executeBlocking(() -> {
            startServer(onContext);
            return null;
        }).onSuccess(v -> LOG.info("CoAP listening on {}:{} (token) and {}:{} (DTLS-PSK)", settings.host(), port(),
                settings.host(), dtlsPort()));
    }

    private void startServer(Executor onContext) {
        Configuration config = CoapConfigurations.server(settings);
        CoapServer coap = new CoapServer(config);
        server = coap;
        CoapDeviceAuth auth = new CoapDeviceAuth(directory, metrics, throttle);
        coap.add(DeviceResources.tree(new UplinkResource(onContext, auth, ingest, metrics, clock),
                (deviceId, type) -> downlink.find(deviceId, type).map(r -> (Resource) r).orElseGet(
                        () -> new DownlinkResource(deviceId, type, onContext, auth, downlink, metrics))));
        coap.setMessageDeliverer(new CountingDeliverer(coap.getRoot(), config, metrics));

        plain = new CoapEndpoint.Builder().setConfiguration(config)
                .setDataSerializerAndParser(new UdpDataSerializer(), new StrictUdpDataParser())
                .setInetSocketAddress(new InetSocketAddress(settings.host(), settings.port()))
                .setLoggingTag("coap").build();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(settings.host(), settings.dtlsPort()))
                .setAdvancedPskStore(new DevicePskStore(directory, psks, metrics))
                .setLoggingTag("coaps")
                .build();
        secure = new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls))
                .setDataSerializerAndParser(new UdpDataSerializer(), new StrictUdpDataParser())
                .setLoggingTag("coaps").build();
        for (CoapEndpoint endpoint : new CoapEndpoint[] {plain, secure}) {
            endpoint.addInterceptor(new CountingDeliverer.TooLargeCounter(metrics));
            coap.addEndpoint(endpoint);
        }
        plain.addPostProcessInterceptor(new MalformedDatagramCounter(metrics, TRANSPORT));
        secure.addPostProcessInterceptor(new MalformedDatagramCounter(metrics, SECURE_TRANSPORT));
        coap.start();
    }

    @Override
    public Future<?> stop() {
        CoapServer coap = server;
        if (coap == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            coap.destroy();
            return null;
        });
    }

    /** The bound plain CoAP port (useful when configured with port 0). */
    public int port() {
        return plain.getAddress().getPort();
    }

    /** The bound DTLS port. */
    public int dtlsPort() {
        return secure.getAddress().getPort();
    }
}
