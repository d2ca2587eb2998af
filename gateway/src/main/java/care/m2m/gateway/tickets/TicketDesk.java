package care.m2m.gateway.tickets;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;

/**
 * What technicians do to a ticket: move it through its lifecycle and record what they found. Runs on the
 * ticket worker (one thread), so it never races the rung's own changes to the same ticket.
 */
public final class TicketDesk {

    private final TicketRecords records;
    private final WorkerExecutor worker;
    private final Clock clock;

    TicketDesk(TicketRecords records, WorkerExecutor worker, Clock clock) {
        this.records = records;
        this.worker = worker;
        this.clock = clock;
    }

    /** A technician's transition; fails with {@link TicketConflictException} when the lifecycle forbids it. */
    public Future<Ticket> transition(String id, Ticket.Status to) {
        return worker.executeBlocking(() -> records.inTx(c -> {
            Ticket t = records.existing(c, id);
            if (!t.status().mayBecome(to)) {
                throw new TicketConflictException("ticket " + id + " is " + t.status() + " and cannot become " + to);
            }
            Instant now = clock.instant();
            Ticket moved = t.moved(to, now, false);
            records.store.update(c, moved);
            records.note(c, moved, now, "status " + t.status() + " -> " + to + " by field service");
            records.event(c, moved, switch (to) {
                case RESOLVED -> "resolved";
                case CLOSED -> "closed";
                case OPEN -> "reopened";
                default -> "updated";
            }, now);
            return moved;
        }), true);
    }

    /** Records what the technician found; a ticket still being worked on is resolved by it. */
    public Future<Ticket> outcome(String id, Ticket.Outcome outcome, String note) {
        return worker.executeBlocking(() -> records.inTx(c -> {
            Ticket t = records.existing(c, id);
            if (t.status() == Ticket.Status.CLOSED) {
                throw new TicketConflictException("ticket " + id + " is CLOSED; its outcome can no longer change");
            }
            Instant now = clock.instant();
            Ticket changed = t.withOutcome(outcome, note, now);
            boolean resolves = changed.status().working();
            if (resolves) {
                changed = changed.moved(Ticket.Status.RESOLVED, now, false);
            }
            records.store.update(c, changed);
            records.note(c, changed, now, "outcome " + outcome + (note == null ? "" : ": " + note)
                    + (resolves ? "; resolved" : ""));
            records.event(c, changed, resolves ? "resolved" : "updated", now);
            return changed;
        }), true);
    }
}
