package care.m2m.sim.provision;

/** Registering the fleet or reading its credentials failed; the message says which device or file and why. */
public final class ProvisioningException extends RuntimeException {

    private final int httpStatus;

    public ProvisioningException(String message) {
        this(message, 0, null);
    }

    public ProvisioningException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public ProvisioningException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The admin API's HTTP status, or 0 when the failure was not an HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
