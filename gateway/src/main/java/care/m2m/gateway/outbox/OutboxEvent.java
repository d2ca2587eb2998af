package care.m2m.gateway.outbox;

import java.time.Instant;

/**
 * One event waiting for (or past) delivery. {@code id} is the idempotency key the receiver sees;
 * {@code seq} orders events, so that a ticket's events arrive in the order they happened.
 */
public record OutboxEvent(long seq, String id, String ticketId, String type, String payload, Instant createdAt,
        int attempts, Instant nextAttemptAt, Instant deliveredAt) {
}
