package care.m2m.gateway.tickets;

/** A change the ticket's lifecycle does not allow (for example CLOSED to IN_PROGRESS); HTTP 409. */
public final class TicketConflictException extends RuntimeException {

    public TicketConflictException(String message) {
        super(message);
    }
}
