package care.m2m.sim.transport.coap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * What the simulated CoAP devices of one JVM share, so that a fleet of thousands does not start thousands of
 * thread pools: one protocol executor and one timer for every endpoint, and plain UDP endpoints shared by
 * {@link #DEVICES_PER_ENDPOINT} devices each (every device still authenticates by its own token). One endpoint
 * cannot serve a whole fleet: CoAP gives each endpoint pair 65,536 message ids that stay taken for the
 * exchange lifetime (247 s), which caps one endpoint at about 265 confirmable requests per second. A DTLS
 * device needs its own endpoint (its PSK identity is per connection), which costs a socket, a receiver thread
 * and a DTLS timer thread. Reference-counted: the first device creates it, the last one closed destroys it.
 */
final class CoapFleet {

    /** Devices per shared plain endpoint: 50 devices at 5 confirmable requests/s stay within the message ids. */
    static final int DEVICES_PER_ENDPOINT = 50;

    private static CoapFleet current;
    private static int users;

    private final ScheduledExecutorService main;
    private final ScheduledExecutorService timer;
    private final List<CoapEndpoint> plainEndpoints = new ArrayList<>();
    private int plainDevices;

    private CoapFleet() {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        main = Executors.newScheduledThreadPool(threads, daemon("sim-coap"));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("sim-coap-timer"));
    }

    static synchronized CoapFleet acquire() {
        if (current == null) {
            current = new CoapFleet();
        }
        users++;
        return current;
    }

    static synchronized void release(CoapFleet fleet) {
        if (fleet != current || users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            current = null;
            fleet.destroy();
        }
    }

    /** Californium's configuration for simulated devices, built in code (no properties file is written). */
    static Configuration configuration() {
        Configuration config = new Configuration(SystemConfig.DEFINITIONS, CoapConfig.DEFINITIONS,
                UdpConfig.DEFINITIONS, DtlsConfig.DEFINITIONS);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        config.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, 16);
        return config;
    }

    /** A plain endpoint with room for one more device, started. */
    synchronized Endpoint plainEndpoint() {
        if (plainDevices % DEVICES_PER_ENDPOINT == 0) {
            CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration()).build();
            start(endpoint);
            plainEndpoints.add(endpoint);
        }
        plainDevices++;
        return plainEndpoints.getLast();
    }

    /** A started endpoint of its own for a DTLS device: PSK identity = device id, key = the ASCII bytes of psk. */
    Endpoint dtlsEndpoint(String identity, String psk) {
        Configuration config = configuration();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, psk.getBytes(StandardCharsets.US_ASCII)))
                .build();
        DTLSConnector connector = new DTLSConnector(dtls);
        connector.setExecutor(main);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        start(endpoint);
        return endpoint;
    }

    private void start(CoapEndpoint endpoint) {
        endpoint.setExecutors(main, timer);
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a CoAP endpoint: " + e.getMessage(), e);
        }
    }

    /** Runs delayed work of a device (re-observing, resending after a 5.03), unless the fleet is shut down. */
    void later(Runnable task, long delay, TimeUnit unit) {
        try {
            timer.schedule(task, delay, unit);
        } catch (RejectedExecutionException e) {
            // The last device closed meanwhile: nothing is left to do it for.
        }
    }

    private synchronized void destroy() {
        plainEndpoints.forEach(CoapEndpoint::destroy);
        plainEndpoints.clear();
        main.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 1).daemon(true).factory();
    }
}
