package care.m2m.sim.transport;

/**
 * The broker answered a connect with a failure: the firmware keeps retrying with back-off, but the reason code
 * tells the operator why (0x86 bad user name or password, 0x87 not authorized, 0x89 server busy, ...).
 */
public final class ConnectRefusedException extends RuntimeException {

    private final int reasonCode;

    public ConnectRefusedException(String deviceId, String serverUri, int reasonCode, Throwable cause) {
        super("device " + deviceId + ": connect to " + serverUri + " failed: " + ReasonCodes.describe(reasonCode)
                + detail(cause), cause);
        this.reasonCode = reasonCode;
    }

    private static String detail(Throwable cause) {
        if (cause == null || cause.getMessage() == null) {
            return "";
        }
        Throwable root = cause.getCause() != null && cause.getCause().getMessage() != null ? cause.getCause() : null;
        return " (" + cause.getMessage() + (root == null ? "" : ": " + root.getMessage()) + ")";
    }

    /** The MQTT 5 reason code, the MQTT 3.1.1 return code or a Paho client code (above 255). */
    public int reasonCode() {
        return reasonCode;
    }
}
