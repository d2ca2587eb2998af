package care.m2m.sim.transport;

/**
 * What a connection reports to the firmware that owns it. Paho calls these on its own threads: implementations
 * must be short and thread-safe and hand real work over to the simulator's scheduler.
 */
public interface ConnectionEvents {

    /** The connection is up (again): {@code reconnect} is true after an automatic reconnect. */
    void connected(boolean reconnect);

    /** The connection dropped; Paho is reconnecting with back-off. */
    void connectionLost(Throwable cause);

    /**
     * A downlink message arrived on the device's subscription.
     *
     * @param contentType the MQTT 5 content type, or null (MQTT 3.1.1 has none)
     */
    void downlink(String topic, byte[] payload, String contentType);

    /**
     * The gateway asked the device to send a message again later (CoAP 5.03 with Max-Age); the connection resends
     * it by itself after {@code delaySeconds}, and the message stays unsettled until then.
     */
    default void retryLater(String topic, long delaySeconds) {
    }
}
