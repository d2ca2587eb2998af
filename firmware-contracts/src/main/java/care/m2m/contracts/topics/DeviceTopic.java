package care.m2m.contracts.topics;

import java.util.Objects;

/** A parsed MQTT topic or CoAP path of the contract: which device, which message type. */
public record DeviceTopic(String deviceId, MessageType type) {

    public DeviceTopic {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
    }

    /** The MQTT topic name, for example {@code m2m/v1/espresso-0001/telemetry}. */
    public String mqttTopic() {
        return Topics.mqtt(deviceId, type);
    }
}
