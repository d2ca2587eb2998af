package care.m2m.gateway.devices;

/** Registration of an id that is already taken. */
public final class DeviceAlreadyExistsException extends RuntimeException {

    public DeviceAlreadyExistsException(String id) {
        super("a device with id '" + id + "' is already registered");
    }
}
