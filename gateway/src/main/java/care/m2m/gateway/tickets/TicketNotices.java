package care.m2m.gateway.tickets;

/**
 * Tells the customer that a person is on it when a ticket opens at once (quadrant C), through whatever
 * channel the gateway uses for customer messages. Called after the ticket committed; must not block.
 */
public interface TicketNotices {

    void personOnIt(Ticket ticket, String faultCode);

    TicketNotices NONE = (ticket, faultCode) -> { };
}
