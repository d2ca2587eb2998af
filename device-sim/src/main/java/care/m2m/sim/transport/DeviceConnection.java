package care.m2m.sim.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One device's MQTT session, protocol-neutral. Publishing is QoS 1 and asynchronous; the future completes with
 * the PUBACK reason code (always 0 under MQTT 3.1.1, where the broker cannot refuse a message) or exceptionally
 * when the connection is lost before the acknowledgement.
 */
public interface DeviceConnection extends AutoCloseable {

    /**
     * Connects once; after the first success the client reconnects by itself with back-off, like firmware does.
     * The future fails with {@link ConnectRefusedException} when the broker answers with a reason code.
     */
    CompletableFuture<Void> connect();

    /**
     * Publishes at QoS 1.
     *
     * @param contentType sent as the MQTT 5 content-type property; ignored under MQTT 3.1.1
     * @throws NotSentException when the client refuses the message before sending it
     */
    CompletableFuture<Integer> publish(String topic, byte[] payload, String contentType);

    boolean isConnected();

    /** Disconnects cleanly, waiting at most {@code timeout} for in-flight work. */
    CompletableFuture<Void> disconnect(Duration timeout);

    /**
     * Closes the network connection without DISCONNECT, as a device that loses power does: the broker sees the
     * socket close and keeps the session. No automatic reconnect follows; {@link #connect()} starts again.
     * Transports without a connection to lose (CoAP) just disconnect.
     */
    default void dropAbruptly() {
        disconnect(Duration.ZERO);
    }

    /** Releases the client's threads; call after {@link #disconnect(Duration)}. */
    @Override
    void close();
}
