package care.m2m.gateway.value;

/** Ticket priority, P1 most urgent; each has an SLA in the value matrix that sets the ticket's due time. */
public enum Priority { P1, P2, P3, P4 }
