package care.m2m.gateway.tickets;

/** No ticket with the requested id; HTTP 404. */
public final class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String message) {
        super(message);
    }
}
