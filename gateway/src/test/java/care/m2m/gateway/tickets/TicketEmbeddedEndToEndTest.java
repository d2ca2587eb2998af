package care.m2m.gateway.tickets;

import java.util.Map;

/** The ticket scenarios on the embedded records database (H2), the default for one machine. */
class TicketEmbeddedEndToEndTest extends TicketScenarios {

    @Override
    protected Map<String, String> database() {
        return Map.of();
    }
}
