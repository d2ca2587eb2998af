package care.m2m.sim.transport;

/**
 * A publish the client refused before anything went on the wire (not connected, in-flight window full). The
 * caller can defer the message: unlike a lost or unacknowledged message it was never counted as sent.
 */
public final class NotSentException extends RuntimeException {

    public NotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
