/**
 * The durable outbox towards the field-service system: ticket events are written in the same transaction as
 * the ticket change, then one sender POSTs them, signed, in order per ticket, retrying with back-off until
 * the receiver answers 2xx. A receiver that is down misses nothing; the idempotency key lets it drop repeats.
 */
package care.m2m.gateway.outbox;
