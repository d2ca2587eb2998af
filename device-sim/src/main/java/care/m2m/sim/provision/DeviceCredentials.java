package care.m2m.sim.provision;

import care.m2m.contracts.topics.Topics;
import java.util.Objects;

/**
 * What a simulated device needs to log in: its id (MQTT client id and user name), its model and the secret the
 * gateway showed once at registration (the MQTT password). A null secret suits brokers that accept anonymous
 * clients, such as a plain Mosquitto in tests. The {@code psk} (the DTLS pre-shared key text the gateway returns at
 * registration) is needed only for CoAP over DTLS; files written before it existed have none.
 */
public record DeviceCredentials(String id, String model, String secret, String psk) {

    public DeviceCredentials {
        Topics.requireDeviceId(id);
        Objects.requireNonNull(model, "model");
    }

    /** Credentials without a pre-shared key (MQTT and plain CoAP only). */
    public DeviceCredentials(String id, String model, String secret) {
        this(id, model, secret, null);
    }

    @Override
    public String toString() {
        return "DeviceCredentials[id=" + id + ", model=" + model + ", secret=" + (secret == null ? "none" : "***")
                + ", psk=" + (psk == null ? "none" : "***") + "]";
    }
}
