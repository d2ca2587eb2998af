package care.m2m.gateway.commands;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A command and where it stands. The states are the record of what really happened: QUEUED in the database,
 * SENT to the transport, DELIVERED only when the device's transport acknowledged it, then the device's own
 * ACCEPTED and EXECUTED / FAILED / REJECTED, or the gateway's TIMED_OUT and EXPIRED.
 */
public record CommandRecord(String id, String deviceId, String action, Map<String, Object> params, Origin origin,
        String faultId, Status status, Instant createdAt, Instant expiresAt, int sendCount, int maxSends,
        Instant sentAt, Instant deliveredAt, Instant completedAt, Integer resultCode, String resultText,
        Instant updatedAt) {

    /** Who asked for the command. */
    public enum Origin { REPAIR, OPERATOR }

    /** The command's state machine. */
    public enum Status {
        QUEUED, SENT, DELIVERED, ACCEPTED, EXECUTED, FAILED, REJECTED, TIMED_OUT, EXPIRED;

        public boolean isFinal() {
            return this == EXECUTED || this == FAILED || this == REJECTED || this == TIMED_OUT || this == EXPIRED;
        }
    }

    public CommandRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    CommandRecord with(Status newStatus, Instant at) {
        return new CommandRecord(id, deviceId, action, params, origin, faultId, newStatus, createdAt, expiresAt,
                sendCount, maxSends, sentAt, deliveredAt, newStatus.isFinal() ? at : completedAt, resultCode,
                resultText, at);
    }

    CommandRecord sent(Instant at) {
        return new CommandRecord(id, deviceId, action, params, origin, faultId, Status.SENT, createdAt, expiresAt,
                sendCount + 1, maxSends, at, deliveredAt, completedAt, resultCode, resultText, at);
    }

    CommandRecord delivered(Instant at) {
        return new CommandRecord(id, deviceId, action, params, origin, faultId, Status.DELIVERED, createdAt,
                expiresAt, sendCount, maxSends, sentAt, at, completedAt, resultCode, resultText, at);
    }

    CommandRecord result(Status newStatus, Integer code, String text, Instant at) {
        Instant delivered = deliveredAt == null ? at : deliveredAt;
        return new CommandRecord(id, deviceId, action, params, origin, faultId, newStatus, createdAt, expiresAt,
                sendCount, maxSends, sentAt, delivered, newStatus.isFinal() ? at : completedAt, code, text, at);
    }
}
