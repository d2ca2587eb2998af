package care.m2m.sim.transport;

/** The MQTT protocol version a simulated device speaks; real fleets have both, so the gateway must serve both. */
public enum Protocol {
    MQTT5,
    MQTT3
}
