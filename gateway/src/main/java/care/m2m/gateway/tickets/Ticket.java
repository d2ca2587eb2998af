package care.m2m.gateway.tickets;

import care.m2m.gateway.value.Priority;
import care.m2m.gateway.value.Quadrant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One ticket: the device and customer data a technician needs, the value-matrix verdict with its reasons,
 * the due time from the priority's SLA, and where it stands. Immutable; changes make a new snapshot.
 */
public record Ticket(String id, String deviceId, String model, String firmware, String customerRef,
        String location, String region, String contactPreference, Status status, Priority priority,
        Quadrant quadrant, double monetary, double emotional, List<String> reasons, String telemetryJson,
        Instant firstFaultAt, Instant openedAt, Instant updatedAt, Instant dueAt, Instant resolvedAt,
        Instant closedAt, boolean autoResolved, int reopenCount, Outcome outcome, String outcomeNote) {

    /** The lifecycle; {@link #CLOSED} is final, a ticket counts as the device's active one until then. */
    public enum Status {
        OPEN, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED;

        /** Whether a technician may move a ticket from this status to {@code to}. */
        public boolean mayBecome(Status to) {
            return switch (this) {
                case OPEN -> to == ACKNOWLEDGED || to == IN_PROGRESS || to == RESOLVED || to == CLOSED;
                case ACKNOWLEDGED -> to == IN_PROGRESS || to == RESOLVED || to == CLOSED;
                case IN_PROGRESS -> to == RESOLVED;
                case RESOLVED -> to == CLOSED || to == OPEN;
                case CLOSED -> false;
            };
        }

        /** Someone still has to work on it. */
        public boolean working() {
            return this == OPEN || this == ACKNOWLEDGED || this == IN_PROGRESS;
        }
    }

    /** What the technician found, counted per fault code to tune the rules (NO_FAULT_FOUND: a false alarm). */
    public enum Outcome { FIXED_ON_SITE, PART_REPLACED, NO_FAULT_FOUND }

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
    }

    Ticket moved(Status to, Instant at, boolean auto) {
        boolean reopening = to == Status.OPEN && status == Status.RESOLVED;
        return new Ticket(id, deviceId, model, firmware, customerRef, location, region, contactPreference, to,
                priority, quadrant, monetary, emotional, reasons, telemetryJson, firstFaultAt, openedAt, at, dueAt,
                to == Status.RESOLVED ? at : reopening ? null : resolvedAt, to == Status.CLOSED ? at : closedAt,
                to == Status.RESOLVED ? auto : reopening ? false : autoResolved,
                reopening ? reopenCount + 1 : reopenCount, outcome, outcomeNote);
    }

    Ticket reprioritised(Priority p, Quadrant q, double money, double emotion, List<String> why, Instant due, Instant at) {
        return new Ticket(id, deviceId, model, firmware, customerRef, location, region, contactPreference, status,
                p, q, money, emotion, why, telemetryJson, firstFaultAt, openedAt, at, due, resolvedAt, closedAt,
                autoResolved, reopenCount, outcome, outcomeNote);
    }

    Ticket withOutcome(Outcome o, String note, Instant at) {
        return new Ticket(id, deviceId, model, firmware, customerRef, location, region, contactPreference, status,
                priority, quadrant, monetary, emotional, reasons, telemetryJson, firstFaultAt, openedAt, at, dueAt,
                resolvedAt, closedAt, autoResolved, reopenCount, o, note);
    }

    Ticket touched(Instant at) {
        return new Ticket(id, deviceId, model, firmware, customerRef, location, region, contactPreference, status,
                priority, quadrant, monetary, emotional, reasons, telemetryJson, firstFaultAt, openedAt, at, dueAt,
                resolvedAt, closedAt, autoResolved, reopenCount, outcome, outcomeNote);
    }
}
