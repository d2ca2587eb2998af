package care.m2m.sim.transport;

/**
 * How a simulated device talks to the gateway: MQTT 5 or 3.1.1 (real fleets have both, so the gateway must serve
 * both), or CoAP over UDP for constrained devices, plain (token in the query) or over DTLS with a pre-shared key.
 */
public enum Protocol {
    MQTT5,
    MQTT3,
    COAP,
    COAPS;

    public boolean isCoap() {
        return this == COAP || this == COAPS;
    }
}
