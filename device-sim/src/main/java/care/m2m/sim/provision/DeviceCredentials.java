package care.m2m.sim.provision;

import care.m2m.contracts.topics.Topics;
import java.util.Objects;

/**
 * What a simulated device needs to log in: its id (MQTT client id and user name), its model and the secret the
 * gateway showed once at registration (the MQTT password). A null secret suits brokers that accept anonymous
 * clients, such as a plain Mosquitto in tests.
 */
public record DeviceCredentials(String id, String model, String secret) {

    public DeviceCredentials {
        Topics.requireDeviceId(id);
        Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
        return "DeviceCredentials[id=" + id + ", model=" + model + ", secret=" + (secret == null ? "none" : "***") + "]";
    }
}
