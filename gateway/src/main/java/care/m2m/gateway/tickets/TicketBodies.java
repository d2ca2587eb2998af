package care.m2m.gateway.tickets;

import care.m2m.gateway.api.Problem;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * The bodies field service sends to change a ticket: {@code {"to":"IN_PROGRESS"}} for a transition and
 * {@code {"outcome":"PART_REPLACED","note":"..."}} for the outcome. Anything else is a 400 {@link Problem}
 * naming the field.
 */
final class TicketBodies {

    static final int MAX_NOTE_LENGTH = 512;

    /** An outcome with an optional note of at most {@value #MAX_NOTE_LENGTH} characters. */
    record OutcomeBody(Ticket.Outcome outcome, String note) {
    }

    private TicketBodies() {
    }

    static Ticket.Status transition(JsonObject body) {
        return enumField(body, "to", Ticket.Status.class);
    }

    static OutcomeBody outcome(JsonObject body) {
        Ticket.Outcome outcome = enumField(body, "outcome", Ticket.Outcome.class);
        Object note = body.getValue("note");
        if (note != null && (!(note instanceof String text) || text.length() > MAX_NOTE_LENGTH)) {
            throw Problem.badRequest("note: expected text of at most " + MAX_NOTE_LENGTH + " characters, got "
                    + (note instanceof String text ? text.length() + " characters" : note));
        }
        return new OutcomeBody(outcome, (String) note);
    }

    private static <E extends Enum<E>> E enumField(JsonObject body, String field, Class<E> type) {
        Object value = body.getValue(field);
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(field + ": expected one of " + Arrays.toString(type.getEnumConstants())
                    + ", got " + value);
        }
    }
}
