package care.m2m.sim.transport;

import care.m2m.contracts.codec.Encoding;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How one simulated device connects: broker URI, MQTT identity (client id = user name = device id, password =
 * the device secret), the downlink filter to subscribe to and flow-control limits.
 *
 * @param maxInflight   QoS 1 messages the client may have unacknowledged at once (Paho's window)
 * @param sessionExpiry seconds the broker keeps the session after a drop, so in-flight messages are redelivered
 * @param pingExecutor  shared executor for keep-alive pings, so that each client does not start its own timer
 *                      thread; null lets Paho create one
 * @param psk           the DTLS pre-shared key text of CoAP over DTLS (its ASCII bytes are the key); null otherwise
 * @param encoding      the encoding the device asks for on its downlink (CoAP's Accept option); MQTT ignores it
 */
public record ConnectionSettings(String serverUri, String deviceId, String secret, String downlinkFilter,
                                 int maxInflight, int keepAliveSeconds, long sessionExpiry,
                                 ScheduledExecutorService pingExecutor, String psk,
                                 Encoding encoding) {

    public static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;
    public static final long DEFAULT_SESSION_EXPIRY_SECONDS = 3600;
    /** Longest pause between Paho's automatic reconnect attempts. */
    public static final int MAX_RECONNECT_DELAY_SECONDS = 60;
    /** Messages Paho keeps while disconnected (events and command results; telemetry is deferred instead). */
    public static final int DISCONNECTED_BUFFER_SIZE = 100;
    /** Extra room in Paho's window for events and command results beside the telemetry window. */
    public static final int WINDOW_HEADROOM = 10;

    public ConnectionSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(downlinkFilter, "downlinkFilter");
        Objects.requireNonNull(encoding, "encoding");
        if (maxInflight < 1) {
            throw new IllegalArgumentException("maxInflight must be at least 1, got " + maxInflight);
        }
    }

    /** Settings without a pre-shared key, for MQTT and plain CoAP. */
    public ConnectionSettings(String serverUri, String deviceId, String secret, String downlinkFilter, int maxInflight,
                              int keepAliveSeconds, long sessionExpiry, ScheduledExecutorService pingExecutor) {
        this(serverUri, deviceId, secret, downlinkFilter, maxInflight, keepAliveSeconds, sessionExpiry, pingExecutor,
                null, Encoding.JSON);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[serverUri=" + serverUri + ", deviceId=" + deviceId + ", maxInflight=" + maxInflight
                + "]";
    }
}
