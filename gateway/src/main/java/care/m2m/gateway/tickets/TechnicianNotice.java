package care.m2m.gateway.tickets;

import care.m2m.gateway.tips.TipProposal;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer hears that a person is on it through the same tip channel as every other message (device
 * display, web, webhook), so their consent, quiet hours and opt-out apply and the story is the same everywhere.
 */
final class TechnicianNotice implements TicketNotices {

    private static final Logger LOG = LoggerFactory.getLogger(TechnicianNotice.class);
    static final String KIND = "technician_notice";

    private final TipService tips;

    TechnicianNotice(TipService tips) {
        this.tips = tips;
    }

    @Override
    public void personOnIt(Ticket ticket, String faultCode) {
        if (ticket.customerRef() == null) {
            return;
        }
        String how = "none".equals(ticket.contactPreference()) ? "" : " They will contact you by "
                + ticket.contactPreference() + ".";
        tips.offer(new TipProposal(ticket.deviceId(), ticket.customerRef(), KIND, "A technician is on it",
                "Your product reported " + faultCode + ". We have already asked a technician to help." + how
                        + " You do not need to call us.", null, null, ticket.id(), TipRecord.Source.FAULT))
                .onFailure(e -> LOG.warn("Technician notice for ticket {} failed: {}", ticket.id(), e.getMessage()));
    }
}
