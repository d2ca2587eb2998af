package care.m2m.gateway.tickets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * How tickets look outside: the field-service view carries only the customer data a technician needs
 * (reference, region, location, contact preference), never the customer's segment or vulnerability flag.
 */
public final class TicketJson {

    private TicketJson() {
    }

    /** The queue entry and the webhook's ticket object. */
    public static JsonObject summary(Ticket t, List<String> faultCodes) {
        return new JsonObject().put("id", t.id()).put("status", t.status().name()).put("priority", t.priority().name())
                .put("quadrant", t.quadrant().name()).put("dueAt", str(t.dueAt()))
                .put("device", new JsonObject().put("id", t.deviceId()).put("model", t.model()).put("firmware", t.firmware()))
                .put("customer", new JsonObject().put("ref", t.customerRef()).put("region", t.region())
                        .put("location", t.location()).put("contactPreference", t.contactPreference()))
                .put("faultCodes", new JsonArray(faultCodes))
                .put("firstFaultAt", str(t.firstFaultAt())).put("openedAt", str(t.openedAt()))
                .put("updatedAt", str(t.updatedAt())).put("resolvedAt", str(t.resolvedAt()))
                .put("closedAt", str(t.closedAt())).put("autoResolved", t.autoResolved())
                .put("reopenCount", t.reopenCount())
                .put("outcome", t.outcome() == null ? null : t.outcome().name()).put("outcomeNote", t.outcomeNote());
    }

    /** The webhook body of one event. */
    static JsonObject event(String eventId, String type, Instant at, Ticket t, List<String> faultCodes) {
        return new JsonObject().put("id", eventId).put("type", "ticket." + type).put("occurredAt", at.toString())
                .put("ticket", summary(t, faultCodes));
    }

    static String str(Instant at) {
        return at == null ? null : at.toString();
    }
}
