package care.m2m.gateway.store;

/** The telemetry write queue is full: the device should back off and retry. */
public final class WriterOverloadedException extends RuntimeException {

    public WriterOverloadedException(int capacity) {
        super("telemetry write queue full (" + capacity + " points waiting); retry later");
    }
}
