package care.m2m.gateway.metrics;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What the gateway counts. An interface so that components stay free of Micrometer and tests can pass
 * {@link #NOOP}; {@link MicrometerGatewayMetrics} is the real one behind {@code GET /metrics}.
 */
public interface GatewayMetrics {

    /** A message of the given type (telemetry, events, command-results) was stored and acknowledged. */
    void accepted(String messageType, String transport);

    /** A message was refused; {@code reason} is a stable lower-case tag such as {@code out_of_range}. */
    void rejected(String messageType, String transport, String reason);

    /** A connection attempt was refused, by reason (bad_credentials, unknown_device, ...). */
    void connectionRefused(String transport, String reason);

    /** Nanoseconds one batch write to the telemetry store took, and how many points it carried. */
    void storeWrite(long nanos, int points, boolean success);

    /**
     * A message was acknowledged to its device: nanoseconds from its arrival to the acknowledgement handed to the
     * connection (validation, the durable store write and the wait for the earlier messages' acknowledgements).
     */
    void acknowledged(String transport, long nanos);

    /** Registers the gauge of devices connected right now. */
    void connectedDevices(IntSupplier count);

    /** Registers the gauge of telemetry points waiting to be written. */
    void writerQueue(IntSupplier depth);

    /**
     * The telemetry journal (registered only when it is on): bytes not yet forwarded to the store, and points the
     * store refused as such and the journal set aside.
     */
    void journal(LongSupplier backlogBytes, LongSupplier rejectedPoints);

    /** A fault was raised (new or reopened) on a device. */
    void faultRaised(String code, boolean reopened);

    /** A command reached a final state. */
    void commandFinished(String action, String status);

    /** A self-repair attempt ended: verified, command_failed, not_cleared, relapsed. */
    void repairOutcome(String faultCode, String action, String outcome);

    GatewayMetrics NOOP = new GatewayMetrics() {
        @Override
        public void faultRaised(String code, boolean reopened) {
        }

        @Override
        public void commandFinished(String action, String status) {
        }

        @Override
        public void repairOutcome(String faultCode, String action, String outcome) {
        }

        @Override
        public void accepted(String messageType, String transport) {
        }

        @Override
        public void rejected(String messageType, String transport, String reason) {
        }

        @Override
        public void connectionRefused(String transport, String reason) {
        }

        @Override
        public void storeWrite(long nanos, int points, boolean success) {
        }

        @Override
        public void acknowledged(String transport, long nanos) {
        }

        @Override
        public void connectedDevices(IntSupplier count) {
        }

        @Override
        public void writerQueue(IntSupplier depth) {
        }

        @Override
        public void journal(LongSupplier backlogBytes, LongSupplier rejectedPoints) {
        }
    };
}
