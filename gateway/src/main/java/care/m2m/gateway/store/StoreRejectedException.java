package care.m2m.gateway.store;

/**
 * The store answers but refuses these points as they are (a field whose type conflicts with what it holds, a
 * name it reserves, a time outside its retention): writing the same points again will not help. A batch that
 * fails this way may hold good points beside the bad one.
 */
public class StoreRejectedException extends StoreUnavailableException {

    public StoreRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
