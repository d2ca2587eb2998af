package care.m2m.gateway.store.journal;

import care.m2m.gateway.store.StoreUnavailableException;

/** The journal holds its most bytes not yet forwarded to the store: the store has been behind for too long. */
public final class JournalFullException extends StoreUnavailableException {

    JournalFullException(long backlogBytes, long maxBytes) {
        super("the telemetry journal is full (" + backlogBytes + " of " + maxBytes
                + " bytes wait for the store); retry later");
    }
}
