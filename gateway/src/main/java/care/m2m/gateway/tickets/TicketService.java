package care.m2m.gateway.tickets;

import care.m2m.gateway.config.GatewayConfig.TicketSettings;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultListener;
import care.m2m.gateway.outbox.OutboxStore;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.repair.NextRung;
import care.m2m.gateway.tickets.FaultContext.Gathered;
import care.m2m.gateway.tickets.TicketStore.LinkedFault;
import care.m2m.gateway.value.ValueAssessment;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket rung of the service ladder. It hears every fault (raised, cleared) and every escalation from
 * self-repair on the ladder context and hands each to one ordered worker, so decisions about a device's
 * ticket happen one at a time and never block the ladder. The value matrix decides whether a raised fault
 * needs a person at once (quadrant C by default) or only once automation gave up. Every change writes a
 * note (why) and an outbox event (for the field-service system) in the same transaction.
 */
public final class TicketService implements FaultListener, NextRung {

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    private final RecordsDatabase db;
    private final TicketStore store = new TicketStore();
    private final OutboxStore outbox;
    private final FaultContext context;
    private final TicketSettings settings;
    private final TicketMetrics metrics;
    private final WorkerExecutor worker;
    private final Clock clock;

    public TicketService(TicketDependencies deps, TicketSettings settings, TicketMetrics metrics, WorkerExecutor worker,
            Clock clock) {
        this.db = deps.db();
        this.outbox = deps.outbox();
        this.context = new FaultContext(deps.db(), deps.registry(), deps.customers(), deps.telemetry(), deps.matrix());
        this.settings = settings;
        this.metrics = metrics;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public void onRaised(Fault fault, boolean reopened) {
        run("raised " + fault.code(), () -> raised(fault, reopened));
    }

    @Override
    public void onCleared(Fault fault) {
        run("cleared " + fault.code(), () -> inTx(c -> {
            Optional<String> ticket = store.activeTicketOfFault(c, fault.id());
            if (ticket.isPresent()) {
                store.note(c, ticket.get(), clock.instant(), "fault " + fault.code() + " cleared at " + fault.clearedAt()
                        + "; the ticket resolves itself once all its faults stay clear for " + settings.resolveAfter());
            }
            return null;
        }));
    }

    @Override
    public void escalate(Fault fault, String reason) {
        run("escalated " + fault.code(), () -> escalated(fault, reason));
    }

    /** A technician's transition; fails with {@link TicketConflictException} when the lifecycle forbids it. */
    public Future<Ticket> transition(String id, Ticket.Status to) {
        return worker.executeBlocking(() -> inTx(c -> {
            Ticket t = existing(c, id);
            if (!t.status().mayBecome(to)) {
                throw new TicketConflictException("ticket " + id + " is " + t.status() + " and cannot become " + to);
            }
            Instant now = clock.instant();
            Ticket moved = t.moved(to, now, false);
            store.update(c, moved);
            store.note(c, id, now, "status " + t.status() + " -> " + to + " by field service");
            event(c, moved, switch (to) {
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
        return worker.executeBlocking(() -> inTx(c -> {
            Ticket t = existing(c, id);
            if (t.status() == Ticket.Status.CLOSED) {
                throw new TicketConflictException("ticket " + id + " is CLOSED; its outcome can no longer change");
            }
            Instant now = clock.instant();
            Ticket changed = t.withOutcome(outcome, note, now);
            boolean resolves = changed.status().working();
            if (resolves) {
                changed = changed.moved(Ticket.Status.RESOLVED, now, false);
            }
            store.update(c, changed);
            store.note(c, id, now, "outcome " + outcome + (note == null ? "" : ": " + note)
                    + (resolves ? "; resolved" : ""));
            event(c, changed, resolves ? "resolved" : "updated", now);
            return changed;
        }), true);
    }

    /** Auto-resolves tickets whose device stayed healthy, closes resolved ones past the reopen window. */
    public Future<Void> sweep() {
        return worker.executeBlocking(() -> {
            Instant now = clock.instant();
            List<Ticket> working = inTx(c -> store.withStatus(c, Ticket.Status.OPEN, Ticket.Status.ACKNOWLEDGED,
                    Ticket.Status.IN_PROGRESS));
            for (Ticket t : working) {
                inTx(c -> autoResolve(c, t, now));
            }
            List<Ticket> resolved = inTx(c -> store.withStatus(c, Ticket.Status.RESOLVED));
            for (Ticket t : resolved) {
                if (t.resolvedAt() != null && !t.resolvedAt().plus(settings.reopenWindow()).isAfter(now)) {
                    inTx(c -> close(c, t, now, "closed: no relapse within " + settings.reopenWindow() + " of the resolution"));
                }
            }
            metrics.contactsPrevented(new TicketReports(db).contactsPrevented());
            return null;
        }, true);
    }

    private Void autoResolve(Connection c, Ticket t, Instant now) throws SQLException {
        List<LinkedFault> faults = store.faults(c, t.id());
        if (faults.isEmpty() || faults.stream().anyMatch(f -> !"CLEARED".equals(f.status()) || f.clearedAt() == null)) {
            return null;
        }
        Instant lastClear = faults.stream().map(LinkedFault::clearedAt).max(Instant::compareTo).orElseThrow();
        if (lastClear.plus(settings.resolveAfter()).isAfter(now)) {
            return null;
        }
        Ticket resolved = t.moved(Ticket.Status.RESOLVED, now, true);
        store.update(c, resolved);
        store.note(c, t.id(), now, "auto-resolved: the device reported healthy; " + codes(faults) + " cleared by "
                + lastClear + " and stayed clear for " + settings.resolveAfter());
        event(c, resolved, "resolved", now);
        metrics.autoResolved();
        LOG.info("Ticket {} of device {} auto-resolved", t.id(), t.deviceId());
        return null;
    }

    private void raised(Fault fault, boolean reopened) throws SQLException {
        Instant now = clock.instant();
        String what = "fault " + fault.code() + (reopened ? " returned" : " raised");
        if (joinedExisting(fault, what, !reopened, now)) {
            return;
        }
        Gathered g = context.gather(fault, now);
        ValueAssessment a = g.assessment();
        if (a.policy().ticketOnRaise()) {
            inTx(c -> open(c, g, now, "opened at once when " + fault.code() + " was raised: quadrant " + a.quadrant()
                    + " policy says a person is needed now, even while self-repair runs"));
        } else {
            LOG.info("Fault {} on {}: quadrant {}, no ticket unless automation fails", fault.code(), fault.deviceId(),
                    a.quadrant());
        }
    }

    private void escalated(Fault fault, String reason) throws SQLException {
        Instant now = clock.instant();
        if (joinedExisting(fault, "escalated " + fault.code() + ": " + reason, false, now)) {
            return;
        }
        Gathered g = context.gather(fault, now);
        ValueAssessment a = g.assessment();
        if (a.policy().ticketOnEscalation()) {
            inTx(c -> open(c, g, now, "opened on escalation of " + fault.code() + ": " + reason + " (quadrant "
                    + a.quadrant() + " policy: a ticket when automation did not fix it)"));
        } else {
            LOG.info("Fault {} on {} escalated; quadrant {} policy opens no ticket", fault.code(), fault.deviceId(),
                    a.quadrant());
        }
    }

    /**
     * Puts the fault on the device's ticket when there is one to join; false when a new decision is needed.
     * {@code quietIfLinked}: a fault already on the ticket (escalated before its raise was handled) adds nothing.
     */
    private boolean joinedExisting(Fault fault, String what, boolean quietIfLinked, Instant now) throws SQLException {
        return inTx(c -> {
            Optional<Ticket> active = store.activeOfDevice(c, fault.deviceId());
            if (active.isEmpty()) {
                return false;
            }
            Ticket t = active.get();
            if (t.status().working()) {
                if (!store.link(c, t.id(), fault.id(), fault.code(), now) && quietIfLinked) {
                    return true;
                }
                Ticket touched = t.touched(now);
                store.update(c, touched);
                store.note(c, t.id(), now, what + "; grouped on this ticket");
                event(c, touched, "updated", now);
                return true;
            }
            boolean sameProblem = store.faults(c, t.id()).stream().anyMatch(f -> f.code().equals(fault.code()));
            if (sameProblem && t.resolvedAt().plus(settings.reopenWindow()).isAfter(now)) {
                Ticket reopened = t.moved(Ticket.Status.OPEN, now, false);
                store.link(c, t.id(), fault.id(), fault.code(), now);
                store.update(c, reopened);
                store.note(c, t.id(), now, "reopened: " + what + " within " + settings.reopenWindow()
                        + " of the resolution");
                event(c, reopened, "reopened", now);
                return true;
            }
            close(c, t, now, "closed: a different problem (" + fault.code() + ") started after this ticket was resolved");
            return false;
        });
    }

    private Void open(Connection c, Gathered g, Instant now, String why) throws SQLException {
        Fault f = g.fault();
        ValueAssessment a = g.assessment();
        Ticket t = new Ticket(UUID.randomUUID().toString(), f.deviceId(), f.model(),
                g.device().map(d -> d.firmware()).orElse(null), g.device().map(d -> d.customerRef()).orElse(null),
                g.device().map(d -> d.location()).orElse(null), g.customer().region(), g.customer().contactPreference(),
                Ticket.Status.OPEN, a.priority(), a.quadrant(), a.monetary(), a.emotional(), a.reasons(),
                g.excerpt().encode(), f.firstSeen(), now, now, now.plus(a.sla()), null, null, false, 0, null, null);
        store.insert(c, t);
        store.link(c, t.id(), f.id(), f.code(), now);
        store.note(c, t.id(), now, why);
        store.note(c, t.id(), now, "priority " + a.priority() + " (quadrant " + a.quadrant() + "), due " + t.dueAt()
                + " by the " + a.priority() + " SLA of " + a.sla());
        event(c, t, "opened", now);
        metrics.opened(a.quadrant().name(), a.priority().name());
        LOG.info("Ticket {} opened for {} on device {}: quadrant {}, priority {}", t.id(), f.code(), f.deviceId(),
                a.quadrant(), a.priority());
        return null;
    }

    private Void close(Connection c, Ticket t, Instant now, String why) throws SQLException {
        Ticket closed = t.moved(Ticket.Status.CLOSED, now, false);
        store.update(c, closed);
        store.note(c, t.id(), now, why);
        event(c, closed, "closed", now);
        return null;
    }

    private void event(Connection c, Ticket t, String type, Instant at) throws SQLException {
        String id = OutboxStore.newId();
        List<String> codes = store.faults(c, t.id()).stream().map(LinkedFault::code).distinct().toList();
        outbox.append(c, id, t.id(), type, TicketJson.event(id, type, at, t, codes).encode(), at);
    }

    private Ticket existing(Connection c, String id) throws SQLException {
        return store.find(c, id).orElseThrow(() -> new TicketNotFoundException("no ticket with id '" + id + "'"));
    }

    private static String codes(List<LinkedFault> faults) {
        return String.join(", ", faults.stream().map(LinkedFault::code).distinct().toList());
    }

    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private interface Step {
        void run() throws SQLException;
    }

    private <T> T inTx(Work<T> work) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void run(String what, Step step) {
        worker.executeBlocking(() -> {
            step.run();
            return null;
        }, true).onFailure(e -> LOG.error("Ticket step '{}' failed: {}", what, e.getMessage(), e));
    }
}
