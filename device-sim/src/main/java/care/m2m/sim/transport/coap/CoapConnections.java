package care.m2m.sim.transport.coap;

import care.m2m.sim.transport.ConnectionEvents;
import care.m2m.sim.transport.ConnectionSettings;
import care.m2m.sim.transport.DeviceConnection;

/**
 * The entry point of the CoAP transport for {@link care.m2m.sim.transport.Connections}: keeps the Californium
 * classes out of the protocol-neutral package.
 */
public final class CoapConnections {

    private CoapConnections() {
    }

    /**
     * @param secure DTLS with the device's pre-shared key ({@code coaps://}); otherwise plain UDP with the secret as
     *               {@code ?token=}
     * @throws IllegalArgumentException when a secure device has no pre-shared key, or the server URI is not CoAP
     */
    public static DeviceConnection create(ConnectionSettings settings, ConnectionEvents events, boolean secure) {
        if (secure && (settings.psk() == null || settings.psk().isBlank())) {
            throw new IllegalArgumentException("device " + settings.deviceId() + " has no pre-shared key: coaps needs "
                    + "the \"psk\" the gateway returned at registration in the credentials file (register the device "
                    + "again, or use --protocol coap)");
        }
        if (!secure && settings.secret() == null) {
            throw new IllegalArgumentException("device " + settings.deviceId() + " has no secret for ?token=");
        }
        return new CoapConnection(settings, events, secure);
    }
}
