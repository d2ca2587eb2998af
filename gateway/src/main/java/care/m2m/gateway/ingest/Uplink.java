package care.m2m.gateway.ingest;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.gateway.devices.Device;
import java.time.Instant;
import java.util.Objects;

/**
 * One message from a device as every transport hands it to {@link IngestService}: who sent it (already
 * authenticated), where it was addressed, the raw payload and its encoding. Transports build it; they decide
 * nothing else.
 */
public record Uplink(Device device, DeviceTopic topic, byte[] payload, Encoding encoding, String transport,
        Instant receivedAt) {

    public Uplink {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
