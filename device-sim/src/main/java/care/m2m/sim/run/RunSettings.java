package care.m2m.sim.run;

import care.m2m.contracts.codec.Encoding;
import care.m2m.sim.firmware.FaultInjection;
import care.m2m.sim.firmware.FirmwareSettings;
import care.m2m.sim.transport.Protocol;
import care.m2m.sim.transport.ServerList;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a fleet run needs besides the credentials, typed and checked once so the runner never re-parses
 * options.
 *
 * @param mqttUrl       the server: an MQTT broker URI, or for {@code COAP}/{@code COAPS} the gateway's CoAP URL
 * @param ratePerDevice telemetry messages per second and device
 * @param duration      how long to run; zero runs until {@link FleetRunner#requestStop()} (Ctrl-C)
 * @param speed         simulated seconds per wall-clock second
 * @param maxInflight   unacknowledged telemetry messages a device may have before it defers samples
 * @param connectRate   new connections per second across the fleet
 * @param seed          seeds every device's product and firmware, so a run can be replayed
 * @param ackTimeout    a message without PUBACK after this long counts as failed
 * @param progressEvery how often the progress line is printed; zero prints none
 * @param offline       how often devices drop their connection on their own, and how
 */
public record RunSettings(String mqttUrl, Protocol protocol, Encoding encoding, double ratePerDevice,
                          Duration duration, double speed, int maxInflight, double connectRate, long seed,
                          FirmwareSettings firmware, List<FaultInjection> injections, Duration ackTimeout,
                          Duration progressEvery, ZoneId zone, OfflineSettings offline) {

    /** URI schemes Paho connects to: plain TCP, TLS, WebSocket and secure WebSocket. */
    public static final List<String> BROKER_SCHEMES = List.of("tcp", "ssl", "ws", "wss");
    /** The URI scheme of each CoAP protocol: plain UDP, or DTLS. */
    public static final String COAP_SCHEME = "coap";
    public static final String COAPS_SCHEME = "coaps";
    /** The longest a stopping run waits for outstanding acknowledgements. */
    public static final Duration MAX_DRAIN = Duration.ofSeconds(10);

    public RunSettings {
        Objects.requireNonNull(protocol, "protocol");
        if (protocol.isCoap()) {
            requireCoapUri(mqttUrl, protocol == Protocol.COAPS ? COAPS_SCHEME : COAP_SCHEME);
        } else {
            requireBrokerUri(mqttUrl);
        }
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(offline, "offline");
        injections = List.copyOf(injections);
        requirePositive("rate", ratePerDevice);
        requirePositive("speed", speed);
        requirePositive("connect rate", connectRate);
        if (maxInflight < 1) {
            throw new IllegalArgumentException("max in-flight must be at least 1, got " + maxInflight);
        }
        if (duration.isNegative() || ackTimeout.isNegative() || ackTimeout.isZero() || progressEvery.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative and the ack timeout must be positive");
        }
    }

    /** A run whose devices stay online unless the broker goes away. */
    public RunSettings(String mqttUrl, Protocol protocol, Encoding encoding, double ratePerDevice, Duration duration,
                       double speed, int maxInflight, double connectRate, long seed, FirmwareSettings firmware,
                       List<FaultInjection> injections, Duration ackTimeout, Duration progressEvery, ZoneId zone) {
        this(mqttUrl, protocol, encoding, ratePerDevice, duration, speed, maxInflight, connectRate, seed, firmware,
                injections, ackTimeout, progressEvery, zone, OfflineSettings.NONE);
    }

    /** For CoAP protocols the server URL ({@code mqttUrl}) is the gateway's CoAP endpoint, such as coap://host:5683. */
    private static void requireCoapUri(String url, String scheme) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "coapUrl"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CoAP URL " + url + " is not a URI: " + e.getMessage(), e);
        }
        if (!scheme.equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected a CoAP URL such as " + scheme + "://127.0.0.1 for protocol "
                    + scheme + ", got " + url);
        }
    }

    private static void requireBrokerUri(String urls) {
        ServerList.parse(Objects.requireNonNull(urls, "mqttUrl")).all().forEach(RunSettings::requireOneBrokerUri);
    }

    private static void requireOneBrokerUri(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "mqttUrl"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MQTT URL " + url + " is not a URI: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !BROKER_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an MQTT URL such as tcp://127.0.0.1:1883 (schemes "
                    + String.join(", ", BROKER_SCHEMES) + "), got " + url);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    /** The time between two telemetry messages of one device. */
    public Duration interval() {
        return Duration.ofNanos(Math.max(1_000_000L, (long) (1e9 / ratePerDevice)));
    }

    public boolean runsUntilStopped() {
        return duration.isZero();
    }
}
