package care.m2m.gateway.devices;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered product: its id (the MQTT client id and username, the CoAP identity), its model from the
 * firmware contracts, and whose it is. The secret is held only as a hash, checked by
 * {@link DeviceDirectory#verifySecret}.
 */
public record Device(String id, String model, String secretHash, String customerRef, String location,
        String firmware, Instant createdAt, Instant lastSeenAt) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
