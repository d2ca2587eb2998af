package care.m2m.gateway.coap;

/**
 * A request refused before it reached the ingest path: the device could not be authenticated, or the
 * registry needed to authenticate it did not answer. {@link CoapResponseCodes} picks the response code;
 * {@link #reason()} is the tag counted in {@code m2mcare_connections_refused_total}.
 */
final class CoapRefusal extends RuntimeException {

    enum Kind {
        /** Missing, unknown or wrong credentials: 4.01. */
        UNAUTHENTICATED,
        /** The device registry is unavailable: 5.03, retry later. */
        UNAVAILABLE,
        /** Too many failed attempts for this device id or address: 4.29 with Max-Age. */
        THROTTLED
    }

    private final Kind kind;
    private final String reason;

    CoapRefusal(Kind kind, String reason, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.reason = reason;
    }

    Kind kind() {
        return kind;
    }

    String reason() {
        return reason;
    }
}
