package care.m2m.gateway.tickets;

import care.m2m.gateway.config.GatewayConfig.TicketSettings;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultListener;
import care.m2m.gateway.diagnosis.rules.LadderPolicy;
import care.m2m.gateway.diagnosis.rules.RuleBook;
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
 * self-repair on the ladder context and hands each to one single-threaded worker, so decisions about a
 * device's ticket happen one at a time and never block the ladder. The value matrix decides whether a raised
 * fault needs a person at once (quadrant C by default) or only once automation gave up; every decision, with
 * or without a ticket, is written down as a note.
 */
public final class TicketService implements FaultListener, NextRung {

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    private final TicketRecords records;
    private final TicketStore store;
    private final FaultContext context;
    private final TicketSettings settings;
    private final TicketMetrics metrics;
    private final TicketNotices notices;
    private final WorkerExecutor worker;
    private volatile RuleBook rules;
    private final Clock clock;
    private final TicketReports reports;

    TicketService(TicketRecords records, FaultContext context, TicketReports reports, TicketSettings settings,
            TicketMetrics metrics, TicketNotices notices, WorkerExecutor worker, Clock clock) {
        this.records = records;
        this.store = records.store;
        this.context = context;
        this.reports = reports;
        this.settings = settings;
        this.metrics = metrics;
        this.notices = notices;
        this.worker = worker;
        this.clock = clock;
    }

    /** Leaves faults whose ladder has no ticket rung to the machine and the customer. */
    void useLadder(RuleBook ladderRules) {
        this.rules = ladderRules;
    }

    private boolean ticketRung(Fault fault) {
        return rules == null || rules.forModel(fault.model()).ladder(fault.code()).has(LadderPolicy.Rung.TICKET);
    }

    @Override
    public void onRaised(Fault fault, boolean reopened) {
        run("raised " + fault.code(), () -> raised(fault, reopened));
    }

    @Override
    public void onCleared(Fault fault) {
        run("cleared " + fault.code(), () -> records.inTx(c -> {
            Optional<String> ticket = store.activeTicketOfFault(c, fault.id());
            store.note(c, fault.deviceId(), ticket.orElse(null), fault.id(), clock.instant(), "fault " + fault.code()
                    + " cleared at " + fault.clearedAt() + (ticket.isPresent() ? "; the ticket resolves itself once all"
                    + " its faults stay clear for " + settings.resolveAfter() : "; no ticket was needed"));
            return null;
        }));
    }

    @Override
    public void escalate(Fault fault, String reason) {
        run("escalated " + fault.code(), () -> escalated(fault, reason));
    }

    /** Auto-resolves tickets whose device stayed healthy, closes resolved ones past the reopen window. */
    public Future<Void> sweep() {
        return worker.executeBlocking(() -> {
            Instant now = clock.instant();
            List<Ticket> working = records.inTx(c -> store.withStatus(c, Ticket.Status.OPEN,
                    Ticket.Status.ACKNOWLEDGED, Ticket.Status.IN_PROGRESS));
            for (Ticket t : working) {
                records.inTx(c -> autoResolve(c, t, now));
            }
            for (Ticket t : records.inTx(c -> store.withStatus(c, Ticket.Status.RESOLVED))) {
                if (t.resolvedAt() != null && !t.resolvedAt().plus(settings.reopenWindow()).isAfter(now)) {
                    records.inTx(c -> close(c, t, now, "closed: no relapse within " + settings.reopenWindow()
                            + " of the resolution"));
                }
            }
            metrics.contactsPrevented(reports.contactsPrevented());
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
        records.note(c, resolved, now, "auto-resolved: the device reported healthy; " + String.join(", ",
                faults.stream().map(LinkedFault::code).distinct().toList()) + " cleared by " + lastClear
                + " and stayed clear for " + settings.resolveAfter());
        records.event(c, resolved, "resolved", now);
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
        if (!ticketRung(fault)) {
            decided(fault, now, what + ": the ladder of " + fault.code() + " has no ticket rung");
            return;
        }
        Gathered g = context.gather(fault, now);
        ValueAssessment a = g.assessment();
        if (a.policy().ticketOnRaise()) {
            Ticket t = records.inTx(c -> open(c, g, now, "opened at once when " + fault.code() + " was raised: quadrant "
                    + a.quadrant() + " policy says a person is needed now, even while self-repair runs"));
            notices.personOnIt(t, fault.code());
        } else {
            decided(fault, now, what + ": " + verdict(a) + "; policy: no ticket "
                    + (a.policy().ticketOnEscalation() ? "unless automation fails" : "for this quadrant"));
        }
    }

    private void escalated(Fault fault, String reason) throws SQLException {
        Instant now = clock.instant();
        if (joinedExisting(fault, "escalated " + fault.code() + ": " + reason, false, now)) {
            return;
        }
        if (!ticketRung(fault)) {
            decided(fault, now, "escalated " + fault.code() + ": " + reason + "; the ladder of " + fault.code()
                    + " has no ticket rung");
            return;
        }
        Gathered g = context.gather(fault, now);
        ValueAssessment a = g.assessment();
        if (a.policy().ticketOnEscalation()) {
            records.inTx(c -> open(c, g, now, "opened on escalation of " + fault.code() + ": " + reason + " (quadrant "
                    + a.quadrant() + " policy: a ticket when automation did not fix it)"));
        } else {
            decided(fault, now, "escalated " + fault.code() + ": " + reason + "; " + verdict(a)
                    + "; policy: no ticket for this quadrant");
        }
    }

    /**
     * Puts the fault on the device's ticket when there is one to join; false when a new decision is needed.
     * {@code quietIfLinked}: a fault already on the ticket (escalated before its raise was handled) adds nothing.
     */
    private boolean joinedExisting(Fault fault, String what, boolean quietIfLinked, Instant now) throws SQLException {
        return records.inTx(c -> {
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
                store.note(c, t.deviceId(), t.id(), fault.id(), now, what + "; grouped on this ticket");
                records.event(c, touched, "updated", now);
                return true;
            }
            boolean sameProblem = store.faults(c, t.id()).stream().anyMatch(f -> f.code().equals(fault.code()));
            if (sameProblem && t.resolvedAt().plus(settings.reopenWindow()).isAfter(now)) {
                Ticket reopened = t.moved(Ticket.Status.OPEN, now, false);
                store.link(c, t.id(), fault.id(), fault.code(), now);
                store.update(c, reopened);
                store.note(c, t.deviceId(), t.id(), fault.id(), now, "reopened: " + what + " within "
                        + settings.reopenWindow() + " of the resolution");
                records.event(c, reopened, "reopened", now);
                return true;
            }
            close(c, t, now, "closed: a different problem (" + fault.code() + ") started after this ticket was resolved");
            return false;
        });
    }

    private Ticket open(Connection c, Gathered g, Instant now, String why) throws SQLException {
        Fault f = g.fault();
        ValueAssessment a = g.assessment();
        Ticket t = new Ticket(UUID.randomUUID().toString(), f.deviceId(), f.model(),
                g.device().map(d -> d.firmware()).orElse(null), g.device().map(d -> d.customerRef()).orElse(null),
                g.device().map(d -> d.location()).orElse(null), g.customer().region(), g.customer().contactPreference(),
                Ticket.Status.OPEN, a.priority(), a.quadrant(), a.monetary(), a.emotional(), a.reasons(),
                g.excerpt().encode(), f.firstSeen(), now, now, now.plus(a.sla()), null, null, false, 0, null, null);
        store.insert(c, t);
        store.link(c, t.id(), f.id(), f.code(), now);
        store.note(c, t.deviceId(), t.id(), f.id(), now, why);
        records.note(c, t, now, "priority " + a.priority() + " (" + verdict(a) + "), due " + t.dueAt() + " by the "
                + a.priority() + " SLA of " + a.sla());
        records.event(c, t, "opened", now);
        metrics.opened(a.quadrant().name(), a.priority().name());
        LOG.info("Ticket {} opened for {} on device {}: quadrant {}, priority {}", t.id(), f.code(), f.deviceId(),
                a.quadrant(), a.priority());
        return t;
    }

    private Void close(Connection c, Ticket t, Instant now, String why) throws SQLException {
        Ticket closed = t.moved(Ticket.Status.CLOSED, now, false);
        store.update(c, closed);
        records.note(c, closed, now, why);
        records.event(c, closed, "closed", now);
        return null;
    }

    private void decided(Fault fault, Instant now, String text) throws SQLException {
        records.inTx(c -> {
            store.note(c, fault.deviceId(), null, fault.id(), now, text);
            return null;
        });
        LOG.info("Device {}: {}", fault.deviceId(), text);
    }

    private static String verdict(ValueAssessment a) {
        return "quadrant %s, money %.0f, emotion %.0f".formatted(a.quadrant(), a.monetary(), a.emotional());
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void run(String what, Step step) {
        worker.executeBlocking(() -> {
            step.run();
            return null;
        }, true).onFailure(e -> LOG.error("Ticket step '{}' failed: {}", what, e.getMessage(), e));
    }
}
