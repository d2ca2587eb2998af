package care.m2m.sim.transport;

import care.m2m.sim.transport.coap.CoapConnections;

/**
 * Creates the {@link DeviceConnection} for a protocol: the only place that knows which Paho client speaks which
 * MQTT version, and which protocols are CoAP.
 */
public final class Connections {

    private Connections() {
    }

    /**
     * @throws IllegalArgumentException when Paho refuses the settings (a malformed server URI or client id)
     */
    public static DeviceConnection create(Protocol protocol, ConnectionSettings settings, ConnectionEvents events) {
        try {
            return switch (protocol) {
                case MQTT5 -> new Paho5Connection(settings, events);
                case MQTT3 -> new Paho3Connection(settings, events);
                case COAP, COAPS -> CoapConnections.create(settings, events, protocol == Protocol.COAPS);
            };
        } catch (org.eclipse.paho.mqttv5.common.MqttException | org.eclipse.paho.client.mqttv3.MqttException
                 | IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + settings.deviceId() + ": cannot create an MQTT client for "
                    + settings.serverUri() + ": " + e.getMessage(), e);
        }
    }
}
