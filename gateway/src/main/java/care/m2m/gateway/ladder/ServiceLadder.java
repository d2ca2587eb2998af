package care.m2m.gateway.ladder;

import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.commands.CommandRecord;
import care.m2m.gateway.commands.CommandService;
import care.m2m.gateway.commands.CommandSettings;
import care.m2m.gateway.commands.CommandStore;
import care.m2m.gateway.commands.Downlink;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.diagnosis.DiagnosisEngine;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultListener;
import care.m2m.gateway.diagnosis.FaultSignal;
import care.m2m.gateway.diagnosis.FaultStore;
import care.m2m.gateway.diagnosis.FaultTracker;
import care.m2m.gateway.diagnosis.anomaly.AnomalyWatch;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import care.m2m.gateway.ingest.IngestListener;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.repair.NextRung;
import care.m2m.gateway.repair.RepairAssignmentStore;
import care.m2m.gateway.repair.RepairAttemptStore;
import care.m2m.gateway.repair.RepairHoldout;
import care.m2m.gateway.repair.RepairCoordinator;
import care.m2m.gateway.store.TelemetryPoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service ladder's home: diagnosis, the fault tracker, the command channel and self-repair share one
 * Vert.x context, so their state needs no locks. Inputs from the transports (stored telemetry, events,
 * command results, devices starting to listen) are handed over to that context; every change is written to
 * the records database in order by one worker.
 */
public final class ServiceLadder extends VerticleBase implements IngestListener {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLadder.class);

    private final ModelCatalog models;
    private final RuleBook rules;
    private final DeviceRegistry registry;
    private final FaultStore faultStore;
    private final CommandStore commandStore;
    private final RepairAttemptStore attemptStore;
    private final Downlink downlink;
    private final CommandSettings commandSettings;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final WorkerExecutor writer;
    private DiagnosisEngine engine;
    private FaultTracker tracker;
    private CommandService commands;
    private RepairCoordinator repair;
    private AnomalyWatch anomalies;
    private RepairHoldout repairHoldout = RepairHoldout.OFF;
    private RepairAssignmentStore assignmentStore;
    private Future<Void> lastWrite = Future.succeededFuture();
    private final List<NextRung> nextRungs = new CopyOnWriteArrayList<>();
    private final List<FaultListener> faultListeners = new CopyOnWriteArrayList<>();
    private boolean holdEveryDeviceAtStart = true;
    /** Inputs of devices being taken over from another instance, held back until their state is here. */
    private final Map<String, List<Runnable>> heldInputs = new HashMap<>();
    private CommandRouter router;

    /** The records this ladder reads and writes. */
    public record Stores(DeviceRegistry registry, FaultStore faults, CommandStore commands, RepairAttemptStore attempts) {
    }

    public ServiceLadder(ModelCatalog models, RuleBook rules, Stores stores, Downlink downlink,
            CommandSettings commandSettings, GatewayMetrics metrics, Clock clock, WorkerExecutor writer) {
        this.models = models;
        this.rules = rules;
        this.registry = stores.registry();
        this.faultStore = stores.faults();
        this.commandStore = stores.commands();
        this.attemptStore = stores.attempts();
        this.downlink = downlink;
        this.commandSettings = commandSettings;
        this.metrics = metrics;
        this.clock = clock;
        this.writer = writer;
    }

    /** Adds learned anomaly detection for metrics without rules; call before deployment. */
    public ServiceLadder withAnomalyWatch(AnomalyWatch watch) {
        this.anomalies = watch;
        return this;
    }

    /**
     * Clustered mode, for an instance that joins running members: start holding no device; devices come to
     * it by {@link #adopt} when they connect. Call before deployment.
     */
    public ServiceLadder startHoldingNoDevice() {
        this.holdEveryDeviceAtStart = false;
        return this;
    }

    /** Clustered mode: operators' commands go to the instance that holds the device. Call before deployment. */
    public ServiceLadder withCommandRouter(CommandRouter commandRouter) {
        this.router = commandRouter;
        return this;
    }

    /** Holds a share of self-repairable faults out of self-repair, recording each arm; call before deployment. */
    public ServiceLadder withRepairHoldout(RepairHoldout holdout, RepairAssignmentStore assignments) {
        this.repairHoldout = holdout;
        this.assignmentStore = assignments;
        return this;
    }

    /** Adds a rung above self-repair (tips, tickets); call before deployment. */
    public void addNextRung(NextRung rung) {
        nextRungs.add(rung);
    }

    /** Adds a listener to every raised and cleared fault (tickets); call before deployment. Must not block. */
    public void addFaultListener(FaultListener listener) {
        faultListeners.add(listener);
    }

    @Override
    public Future<?> start() {
        engine = new DiagnosisEngine(rules);
        tracker = new FaultTracker(models, rules, this::persistFault);
        commands = new CommandService(downlink, this::persistCommand, commandSettings, clock);
        repair = new RepairCoordinator(vertx, models, rules, commands, tracker,
                a -> write(() -> attemptStore.save(a)), metrics, clock);
        nextRungs.forEach(repair::addNextRung);
        if (assignmentStore != null) {
            repair.withHoldout(repairHoldout, a -> write(() -> assignmentStore.save(a)));
        }
        tracker.addListener(repair);
        faultListeners.forEach(tracker::addListener);
        tracker.addListener(new FaultListener() {
            @Override
            public void onRaised(Fault fault, boolean reopened) {
                metrics.faultRaised(fault.code(), reopened);
            }
        });
        commands.addListener(repair);
        commands.addListener(c -> metrics.commandFinished(c.action(), c.status().name().toLowerCase()));
        return writer.executeBlocking(this::loadState, true).onSuccess(state -> {
            restore(state);
            long period = commandSettings.sweepInterval().toMillis();
            vertx.setPeriodic(period, period, id -> tick());
        });
    }

    private record State(List<Fault> faults, List<CommandRecord> commands, List<Device> devices, int interrupted) {
    }

    private State loadState() {
        if (!holdEveryDeviceAtStart) {
            return new State(List.of(), List.of(), List.of(), 0);
        }
        int interrupted = attemptStore.interruptPending();
        List<Device> devices = new ArrayList<>();
        String after = null;
        List<Device> page;
        do {
            page = registry.list(after, 1000);
            devices.addAll(page);
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 1000);
        return new State(faultStore.active(), commandStore.open(), devices, interrupted);
    }

    private void restore(State state) {
        state.devices().forEach(d -> engine.watch(d.id(), d.model(),
                d.lastSeenAt() == null ? clock.instant() : d.lastSeenAt()));
        tracker.restore(state.faults());
        state.faults().forEach(f -> engine.restoreRaised(f.deviceId(), f.model(), f.code(), f.lastSeen()));
        commands.restore(state.commands());
        LOG.info("Service ladder ready: {} devices watched, {} active faults, {} open commands, {} repair attempts"
                + " interrupted by the restart", state.devices().size(), state.faults().size(), state.commands().size(),
                state.interrupted());
        state.faults().stream().filter(f -> f.ladder() == Fault.Ladder.REPAIRING || f.ladder() == Fault.Ladder.NEW)
                .forEach(f -> repair.onRaised(f, false));
    }

    private void tick() {
        commands.sweep();
        tracker.tick(clock.instant());
        apply(engine.checkSilence(clock.instant()));
    }

    @Override
    public void onTelemetry(Device device, TelemetryPoint point) {
        onDevice(device.id(), () -> {
            apply(engine.onTelemetry(device.id(), device.model(), point.timestamp(), clock.instant(), point.values()));
            if (anomalies != null) {
                apply(anomalies.onPoint(device.id(), device.model(), point.timestamp(), point.values()));
            }
        });
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        onDevice(device.id(), () -> apply(engine.onEvent(device.id(), device.model(),
                event.timestamp() == null ? clock.instant() : event.timestamp(), clock.instant(), event)));
    }

    @Override
    public void onCommandResult(Device device, CommandResult result) {
        onDevice(device.id(), () -> commands.onResult(device.id(), result));
    }

    /** A device started listening for commands: send what waits for it. */
    public void onListening(String deviceId) {
        onDevice(deviceId, () -> commands.onDeviceConnected(deviceId));
    }

    /** Runs a device's input on the ladder's context, or holds it back while the device is being taken over. */
    private void onDevice(String deviceId, Runnable input) {
        context.runOnContext(v -> {
            List<Runnable> held = heldInputs.get(deviceId);
            if (held == null) {
                input.run();
            } else {
                held.add(input);
            }
        });
    }

    /**
     * Clustered mode: a device connected here and is being taken over; hold its inputs back until
     * {@link #resumeInputs} (after {@link #adopt}), so that nothing is diagnosed without its faults. Call before
     * the device can send anything (when its connection is registered).
     */
    public void holdInputs(String deviceId) {
        context.runOnContext(v -> heldInputs.putIfAbsent(deviceId, new ArrayList<>()));
    }

    /** Runs what was held back for the device, in order, and lets its inputs through again. */
    public void resumeInputs(String deviceId) {
        context.runOnContext(v -> {
            List<Runnable> held = heldInputs.remove(deviceId);
            if (held != null) {
                held.forEach(Runnable::run);
            }
        });
    }

    /**
     * Queues an operator's command, on the instance that holds the device in clustered mode; the future
     * completes once it is durably queued.
     */
    public Future<CommandRecord> submitCommand(String deviceId, String action, Map<String, Object> params, Duration ttl) {
        if (router == null) {
            return submitHere(deviceId, action, params, ttl);
        }
        return router.submitElsewhere(deviceId, action, params, ttl).compose(elsewhere -> elsewhere
                .map(Future::succeededFuture).orElseGet(() -> submitHere(deviceId, action, params, ttl)));
    }

    /** Queues an operator's command on this instance; the future completes once it is durably queued. */
    public Future<CommandRecord> submitHere(String deviceId, String action, Map<String, Object> params, Duration ttl) {
        return Future.<CommandRecord>future(p -> context.runOnContext(v -> {
            CommandRecord command = commands.submit(deviceId, action, params, ttl, CommandRecord.Origin.OPERATOR, null);
            lastWrite.onComplete(done -> {
                if (done.succeeded()) {
                    p.complete(command);
                } else {
                    p.fail(new IllegalStateException("the command could not be queued durably: "
                            + done.cause().getMessage(), done.cause()));
                }
            });
        }));
    }

    /**
     * Another instance takes the device over: forget its open commands, faults and diagnosis here, and answer
     * once every record this ladder wrote before is in the database, so the new holder reads the latest.
     */
    public Future<Void> release(String deviceId) {
        return Future.<Future<Void>>future(p -> context.runOnContext(v -> {
            commands.release(deviceId);
            tracker.release(deviceId);
            engine.forget(deviceId);
            p.complete(lastWrite.<Void>mapEmpty().otherwiseEmpty());
        })).compose(written -> written);
    }

    /**
     * Takes devices over from another instance (or from one that died): reads their active faults and open
     * commands from the database and carries on with them here; what this ladder already holds is kept.
     * Answers how many faults and commands came in.
     */
    public Future<Integer> adopt(Collection<String> deviceIds) {
        return writer.executeBlocking(() -> {
            List<Device> devices = new ArrayList<>();
            List<Fault> faults = new ArrayList<>();
            List<CommandRecord> open = new ArrayList<>();
            for (String id : deviceIds) {
                registry.find(id).ifPresent(devices::add);
                faultStore.ofDevice(id, 200).stream().filter(f -> f.status() != Fault.Status.CLEARED).forEach(faults::add);
                commandStore.ofDevice(id, 500).stream().filter(c -> !c.status().isFinal()).forEach(open::add);
            }
            return new State(faults, open, devices, 0);
        }, true).compose(state -> Future.future(p -> context.runOnContext(v -> p.complete(merge(state)))));
    }

    /**
     * The leader takes over every device that no live instance holds (after an instance died): like a
     * restart, but without touching the devices in {@code heldElsewhere} or what this ladder already holds.
     */
    public Future<Integer> adoptAllExcept(Set<String> heldElsewhere) {
        return writer.executeBlocking(() -> {
            List<Device> devices = new ArrayList<>();
            String after = null;
            List<Device> page;
            do {
                page = registry.list(after, 1000);
                page.stream().filter(d -> !heldElsewhere.contains(d.id())).forEach(devices::add);
                after = page.isEmpty() ? null : page.get(page.size() - 1).id();
            } while (page.size() == 1000);
            return new State(faultStore.active().stream().filter(f -> !heldElsewhere.contains(f.deviceId())).toList(),
                    commandStore.open().stream().filter(c -> !heldElsewhere.contains(c.deviceId())).toList(), devices, 0);
        }, true).compose(state -> Future.future(p -> context.runOnContext(v -> p.complete(merge(state)))));
    }

    private int merge(State state) {
        state.devices().forEach(d -> engine.watch(d.id(), d.model(), clock.instant()));
        List<Fault> faults = tracker.restore(state.faults());
        faults.forEach(f -> engine.restoreRaised(f.deviceId(), f.model(), f.code(), f.lastSeen()));
        List<CommandRecord> open = commands.restore(state.commands());
        faults.stream().filter(f -> f.ladder() == Fault.Ladder.REPAIRING || f.ladder() == Fault.Ladder.NEW)
                .forEach(f -> repair.onRaised(f, false));
        // No sending here: the device's "listening", held back during the take-over, comes next and sends what
        // waits; otherwise the periodic sweep sends to a device that listens.
        return faults.size() + open.size();
    }

    private void apply(List<FaultSignal> signals) {
        signals.forEach(tracker::handle);
    }

    private void persistFault(Fault fault) {
        write(() -> faultStore.save(fault));
    }

    private void persistCommand(CommandRecord command) {
        write(() -> commandStore.save(command));
    }

    /**
     * Writes a record on the single, ordered writer; {@link #lastWrite} completes once this and every earlier
     * write are done, which is how an operator's command is answered only after it is durably queued.
     */
    private void write(Runnable write) {
        lastWrite = writer.<Void>executeBlocking(() -> {
            write.run();
            return null;
        }, true).onFailure(e -> LOG.error("Could not write a service-ladder record: {}", e.getMessage()));
    }
}
