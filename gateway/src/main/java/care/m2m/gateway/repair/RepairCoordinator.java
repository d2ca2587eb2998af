package care.m2m.gateway.repair;

import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.FaultSpec;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.commands.CommandListener;
import care.m2m.gateway.commands.CommandRecord;
import care.m2m.gateway.commands.CommandService;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultListener;
import care.m2m.gateway.diagnosis.FaultTracker;
import care.m2m.gateway.diagnosis.rules.LadderPolicy;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.repair.RepairAttempt.Outcome;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-repair rung: for a fault whose model offers repair actions, send the next action, wait for the
 * device's result, then wait for the fault to clear within the verification window. Only that counts as a
 * repair. Failed tries are retried after a cool-down up to the model's limit; then the fault climbs to the
 * {@link NextRung}s. Runs on the service-ladder context.
 */
public final class RepairCoordinator implements FaultListener, CommandListener {

    private static final Logger LOG = LoggerFactory.getLogger(RepairCoordinator.class);
    static final Duration COMMAND_TTL = Duration.ofMinutes(10);

    /** The repair in progress for one fault. */
    private static final class Run {
        Fault fault;
        RepairAttempt attempt;
        long timer = -1;
        boolean verifying;

        Run(Fault fault) {
            this.fault = fault;
        }
    }

    private final Vertx vertx;
    private final ModelCatalog models;
    private final RuleBook rules;
    private final CommandService commands;
    private final FaultTracker faults;
    private final Consumer<RepairAttempt> persist;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Map<String, Run> runsByFault = new HashMap<>();
    private final Map<String, Run> runsByCommand = new HashMap<>();
    private final Map<String, RepairAttempt> lastVerified = new HashMap<>();
    private final List<NextRung> nextRungs = new CopyOnWriteArrayList<>();
    private RepairHoldout holdout = RepairHoldout.OFF;
    private Consumer<RepairAssignment> assignments = a -> { };

    public RepairCoordinator(Vertx vertx, ModelCatalog models, RuleBook rules, CommandService commands,
            FaultTracker faults, Consumer<RepairAttempt> persist, GatewayMetrics metrics, Clock clock) {
        this.vertx = vertx;
        this.models = models;
        this.rules = rules;
        this.commands = commands;
        this.faults = faults;
        this.persist = persist;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void addNextRung(NextRung rung) {
        nextRungs.add(rung);
    }

    /** Holds a share of self-repairable faults out of self-repair; every decision goes to {@code record}. */
    public void withHoldout(RepairHoldout control, Consumer<RepairAssignment> record) {
        this.holdout = control;
        this.assignments = record;
    }

    @Override
    public void onRaised(Fault fault, boolean reopened) {
        if (reopened) {
            RepairAttempt verified = lastVerified.remove(fault.id());
            if (verified != null) {
                record(verified.finished(Outcome.RELAPSED, clock.instant()));
            }
        }
        if (runsByFault.containsKey(fault.id())) {
            return;
        }
        if (!rules.forModel(fault.model()).ladder(fault.code()).has(LadderPolicy.Rung.REPAIR)) {
            escalate(fault, "the ladder of " + fault.code() + " skips self-repair");
            return;
        }
        List<String> actions = actions(fault);
        if (actions.isEmpty()) {
            escalate(fault, "the model offers no self-repair action for " + fault.code());
            return;
        }
        if (holdout.share() > 0) {
            RepairAssignment.Arm arm = holdout.arm(fault.id());
            assignments.accept(new RepairAssignment(fault.id(), fault.deviceId(), fault.code(), arm, holdout.share(),
                    clock.instant()));
            if (arm == RepairAssignment.Arm.HELD_OUT) {
                escalate(fault, "held out of self-repair: control group measuring what repairs do (hold-out share "
                        + holdout.share() + ")");
                return;
            }
        }
        Run run = new Run(fault);
        runsByFault.put(fault.id(), run);
        attempt(run, 1);
    }

    @Override
    public void onCleared(Fault fault) {
        Run run = runsByFault.get(fault.id());
        if (run == null) {
            return;
        }
        if (run.verifying) {
            verified(run, fault);
        } else if (run.attempt.outcome() != Outcome.PENDING) {
            cancelTimer(run);
            runsByFault.remove(fault.id());
        }
    }

    @Override
    public void onFinished(CommandRecord command) {
        Run run = runsByCommand.remove(command.id());
        if (run == null) {
            return;
        }
        if (command.status() != CommandRecord.Status.EXECUTED) {
            failed(run, Outcome.COMMAND_FAILED, "command " + command.action() + " ended " + command.status());
            return;
        }
        Optional<Fault> stillActive = faults.active(run.fault.deviceId(), run.fault.code());
        if (stillActive.isEmpty()) {
            verified(run, run.fault);
            return;
        }
        Duration window = rules.forModel(run.fault.model()).verifyWindow(run.fault.code());
        run.verifying = true;
        run.timer = vertx.setTimer(Math.max(1, window.toMillis()), id -> {
            run.timer = -1;
            if (faults.active(run.fault.deviceId(), run.fault.code()).isPresent()) {
                failed(run, Outcome.NOT_CLEARED, "still active " + window.toSeconds() + " s after " + command.action());
            }
        });
    }

    private void attempt(Run run, int number) {
        List<String> actions = actions(run.fault);
        String action = actions.get((number - 1) % actions.size());
        CommandRecord command = commands.submit(run.fault.deviceId(), action, Map.of(), COMMAND_TTL,
                CommandRecord.Origin.REPAIR, run.fault.id());
        run.attempt = new RepairAttempt(UUID.randomUUID().toString(), run.fault.id(), run.fault.deviceId(),
                run.fault.code(), action, command.id(), number, clock.instant(), null, Outcome.PENDING);
        runsByCommand.put(command.id(), run);
        record(run.attempt);
        run.fault = faults.update(current(run).onLadder(Fault.Ladder.REPAIRING,
                "attempt " + number + ": " + action + " (" + command.id() + ")"));
        LOG.info("Self-repair of {} on {}: attempt {} with {}", run.fault.code(), run.fault.deviceId(), number, action);
    }

    private void verified(Run run, Fault fault) {
        cancelTimer(run);
        run.verifying = false;
        RepairAttempt done = run.attempt.finished(Outcome.VERIFIED, clock.instant());
        record(done);
        lastVerified.put(fault.id(), done);
        runsByFault.remove(fault.id());
        faults.update(fault.onLadder(Fault.Ladder.REPAIRED, "verified repair by " + done.action()
                + " in attempt " + done.attempt()));
        LOG.info("Verified self-repair of {} on {} by {}", fault.code(), fault.deviceId(), done.action());
    }

    private void failed(Run run, Outcome outcome, String why) {
        cancelTimer(run);
        run.verifying = false;
        RepairAttempt done = run.attempt.finished(outcome, clock.instant());
        record(done);
        LadderPolicy ladder = rules.forModel(run.fault.model()).ladder(run.fault.code());
        if (faults.active(run.fault.deviceId(), run.fault.code()).isEmpty()) {
            runsByFault.remove(run.fault.id());
            return;
        }
        if (done.attempt() >= ladder.repairAttempts()) {
            runsByFault.remove(run.fault.id());
            escalate(current(run), "self-repair failed " + done.attempt() + " time(s); last: " + why);
            return;
        }
        run.timer = vertx.setTimer(Math.max(1, ladder.repairCooldown().toMillis()), id -> {
            run.timer = -1;
            if (faults.active(run.fault.deviceId(), run.fault.code()).isPresent()) {
                attempt(run, done.attempt() + 1);
            } else {
                runsByFault.remove(run.fault.id());
            }
        });
    }

    private void escalate(Fault fault, String reason) {
        Fault escalated = faults.update(fault.onLadder(Fault.Ladder.ESCALATED, reason));
        LOG.info("Fault {} on {} escalated: {}", fault.code(), fault.deviceId(), reason);
        for (NextRung rung : nextRungs) {
            try {
                rung.escalate(escalated, reason);
            } catch (RuntimeException e) {
                LOG.error("Next rung {} failed for fault {}", rung.getClass().getSimpleName(), fault.id(), e);
            }
        }
    }

    private Fault current(Run run) {
        return faults.active(run.fault.deviceId(), run.fault.code()).orElse(run.fault);
    }

    private void record(RepairAttempt attempt) {
        persist.accept(attempt);
        if (attempt.outcome() != Outcome.PENDING) {
            metrics.repairOutcome(attempt.faultCode(), attempt.action(), attempt.outcome().name().toLowerCase());
        }
    }

    private void cancelTimer(Run run) {
        if (run.timer >= 0) {
            vertx.cancelTimer(run.timer);
            run.timer = -1;
        }
    }

    private List<String> actions(Fault fault) {
        Optional<DeviceModel> model = models.find(fault.model());
        return model.flatMap(m -> m.fault(fault.code())).map(FaultSpec::repairActions).orElse(List.of()).stream()
                .filter(a -> model.get().action(a).isPresent())
                .toList();
    }
}
