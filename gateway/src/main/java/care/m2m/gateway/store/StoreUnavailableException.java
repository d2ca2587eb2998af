package care.m2m.gateway.store;

/** The store cannot be reached or refused the operation; nothing of the failed write may be assumed stored. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
