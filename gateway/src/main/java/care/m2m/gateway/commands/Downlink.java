package care.m2m.gateway.commands;

import care.m2m.contracts.topics.MessageType;
import io.vertx.core.Future;

/**
 * Sends a message down to a device over whatever transport it is connected with. The future succeeds only
 * when the device's transport acknowledged the message (MQTT PUBACK); it fails with
 * {@link DeviceUnreachableException} when the device is not connected or not listening.
 */
public interface Downlink {

    Future<Void> deliver(String deviceId, MessageType type, Object message);

    /** Whether the device is connected right now (on this instance) and subscribed to messages of this type. */
    boolean isListening(String deviceId, MessageType type);
}
