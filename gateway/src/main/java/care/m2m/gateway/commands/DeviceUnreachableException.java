package care.m2m.gateway.commands;

/** The device is offline, not subscribed to the topic, or disconnected before acknowledging. */
public final class DeviceUnreachableException extends RuntimeException {

    public DeviceUnreachableException(String message) {
        super(message, null, false, false);
    }
}
