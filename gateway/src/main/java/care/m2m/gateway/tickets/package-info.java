/**
 * Tickets for field service, the fourth and fifth rungs of the service ladder: opened when automation gave up
 * (or at once when the value matrix says a person is needed), one per device and problem, complete enough
 * that a technician arrives knowing what happened, resolved by themselves when the device stays healthy,
 * and pushed to the field-service system through the outbox.
 */
package care.m2m.gateway.tickets;
