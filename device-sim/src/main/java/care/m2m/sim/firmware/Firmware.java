package care.m2m.sim.firmware;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.messages.TipFeedback;
import care.m2m.contracts.messages.TipState;
import care.m2m.contracts.messages.TipStatus;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.FaultSpec;
import care.m2m.contracts.topics.MessageType;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.behaviour.ProductBehaviour;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SequencedSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's firmware. Every call is synchronized: the scheduler ticks it while Paho threads hand it commands,
 * and each call is short (actions finish later through the {@link ActionScheduler}, not by sleeping).
 */
public final class Firmware {

    /** The firmware version simulated devices report. */
    public static final String VERSION = "1.4.2-sim";
    private static final Logger LOG = LoggerFactory.getLogger(Firmware.class);
    private static final int REMEMBERED_COMMANDS = 64;
    private static final int MAX_TEXT_CHARS = 500;
    /** The tip kind of a fault's self-service instruction (the service ladder's second rung). */
    static final String SELF_SERVICE = "self_service";

    private final String deviceId;
    private final DeviceModel model;
    private final ProductBehaviour product;
    private final Random random;
    private final FirmwareSettings settings;
    private final SimClock simClock;
    private final Clock wallClock;
    private final Uplink uplink;
    private final ActionScheduler scheduler;
    private final RepairObserver repairs;
    private final FaultTimeline timeline = new FaultTimeline();
    private final TipDisplay display = new TipDisplay();
    private final List<Map.Entry<String, Instant>> plannedFaults = new ArrayList<>();
    private final SequencedSet<String> seenCommands = new LinkedHashSet<>();
    private long sequence;
    private Instant lastSampleAt;
    private String reportedFault;
    private String runningAction;

    public Firmware(String deviceId, DeviceModel model, ProductBehaviour product, long seed, FirmwareSettings settings,
                    SimClock simClock, Clock wallClock, Uplink uplink, ActionScheduler scheduler) {
        this(deviceId, model, product, seed, settings, simClock, wallClock, uplink, scheduler, RepairObserver.NONE);
    }

    /** @param repairs told about reported faults and arriving repair commands, for the fault-to-command latency */
    public Firmware(String deviceId, DeviceModel model, ProductBehaviour product, long seed, FirmwareSettings settings,
                    SimClock simClock, Clock wallClock, Uplink uplink, ActionScheduler scheduler,
                    RepairObserver repairs) {
        this.deviceId = deviceId;
        this.model = model;
        this.product = product;
        this.random = new Random(Behaviours.mix(seed));
        this.settings = settings;
        this.simClock = simClock;
        this.wallClock = wallClock;
        this.uplink = uplink;
        this.scheduler = scheduler;
        this.repairs = repairs;
    }

    public String deviceId() {
        return deviceId;
    }

    public DeviceModel model() {
        return model;
    }

    /** Announces a start (power-up or reboot) with a BOOT event. */
    public synchronized void boot() {
        uplink.send(MessageType.EVENTS, new DeviceEvent(now(), DeviceEvent.Kind.BOOT, null,
                "firmware " + VERSION + " started", Map.of("firmware", VERSION)));
    }

    /** Lets simulated time pass: the product evolves, planned and random faults start, fault events go out. */
    public synchronized void tick() {
        Instant wall = wallClock.instant();
        advance(wall);
        Iterator<Map.Entry<String, Instant>> due = plannedFaults.iterator();
        while (due.hasNext() && product.activeFault().isEmpty()) {
            Map.Entry<String, Instant> planned = due.next();
            if (!planned.getValue().isAfter(wall)) {
                due.remove();
                startFault(planned.getKey(), "injected", wall);
            }
        }
        checkFaultEvents();
    }

    private void advance(Instant wall) {
        Instant target = simClock.simulated(wall);
        double hours = Duration.between(product.now(), target).toNanos() / 3.6e12;
        product.advanceTo(target);
        double probability = 1 - Math.exp(-settings.faultRatePerHour() * Math.max(0, hours));
        if (hours > 0 && runningAction == null && product.activeFault().isEmpty() && !model.faults().isEmpty()
                && random.nextDouble() < probability) {
            startFault(model.faults().get(random.nextInt(model.faults().size())).code(), "random", wall);
        }
    }

    private void startFault(String code, String why, Instant wall) {
        LOG.info("device {}: {} fault {} starts", deviceId, why, code);
        product.injectFault(code);
        timeline.started(code, wall);
    }

    /**
     * The next telemetry sample, with the wall-clock time it was taken and the next sequence number. Its
     * timestamp is always later than the previous sample's, as real firmware's is: the gateway keeps one point
     * per device and millisecond, so two samples in the same millisecond would otherwise merge into one.
     */
    public synchronized Telemetry telemetry() {
        Instant at = now();
        if (lastSampleAt != null && !at.isAfter(lastSampleAt)) {
            at = lastSampleAt.plusMillis(1);
        }
        lastSampleAt = at;
        return new Telemetry(at, sequence++, VERSION, product.readings());
    }

    /**
     * Plans fault {@code code} to start at wall-clock time {@code at}, or as soon after as no other fault is active.
     *
     * @throws IllegalArgumentException if the model does not know the fault
     */
    public synchronized void planFault(String code, Instant at) {
        if (model.fault(code).isEmpty()) {
            throw new IllegalArgumentException("device " + deviceId + " (model " + model.id() + ") has no fault "
                    + code);
        }
        plannedFaults.add(Map.entry(code, at));
    }

    public synchronized Optional<String> activeFault() {
        return product.activeFault();
    }

    /** Raises ERROR or WARNING once the product shows its fault's symptom; CLEARED once the fault is gone. */
    private void checkFaultEvents() {
        Optional<String> active = product.activeFault();
        if (reportedFault != null && !active.map(reportedFault::equals).orElse(false)) {
            FaultSpec spec = model.fault(reportedFault).orElseThrow();
            uplink.send(MessageType.EVENTS, new DeviceEvent(now(), DeviceEvent.Kind.CLEARED, reportedFault,
                    shorten(spec.code() + " cleared"), Map.of()));
            LOG.info("device {}: fault {} cleared", deviceId, reportedFault);
            reportedFault = null;
            if (active.isEmpty()) {
                timeline.ended();
            }
        }
        if (active.isPresent() && reportedFault == null && product.faultNoticed()) {
            FaultSpec spec = model.fault(active.get()).orElseThrow();
            DeviceEvent.Kind kind = spec.code().startsWith("W_") ? DeviceEvent.Kind.WARNING : DeviceEvent.Kind.ERROR;
            uplink.send(MessageType.EVENTS, new DeviceEvent(now(), kind, spec.code(), shorten(spec.meaning()),
                    Map.of("severity", spec.severity().name().toLowerCase(Locale.ROOT))));
            LOG.info("device {}: noticed fault {}", deviceId, spec.code());
            reportedFault = spec.code();
            timeline.reported(spec.code(), wallClock.instant());
            repairs.faultReported(spec.code());
        }
    }

    /**
     * Handles a command from the gateway; a redelivered command (same id, as QoS 1 may bring it again after a
     * connection drop) is ignored.
     *
     * @return whether the command was new, false for a redelivery
     */
    public synchronized boolean onCommand(Command command) {
        if (!remember(command.id())) {
            LOG.debug("device {}: command {} again, ignored", deviceId, command.id());
            return false;
        }
        Instant wall = wallClock.instant();
        advance(wall);
        noteRepairCommand(command.action(), wall);
        CommandPolicy.Decision decision = CommandPolicy.decide(command, model, wall, runningAction);
        switch (decision) {
            case CommandPolicy.Reject reject -> {
                LOG.info("device {}: command {} ({}) rejected: {}", deviceId, command.id(), command.action(),
                        reject.text());
                result(command, CommandResult.Status.REJECTED, reject.code(), reject.text());
            }
            case CommandPolicy.Run run -> {
                runningAction = run.action().name();
                result(command, CommandResult.Status.ACCEPTED, null, "running " + runningAction);
                product.actionStarted(runningAction);
                Duration realTime = simClock.realDuration(run.action().expectedSeconds());
                Duration delay = realTime.compareTo(settings.actionTimeCap()) > 0 ? settings.actionTimeCap() : realTime;
                scheduler.schedule(delay, () -> finish(command));
            }
        }
        return true;
    }

    /** Tells the observer about a command that repairs the active fault, with latencies for the fault's first. */
    private void noteRepairCommand(String action, Instant wall) {
        product.activeFault().flatMap(model::fault).filter(fault -> fault.repairActions().contains(action))
                .ifPresent(fault -> repairs.repairCommand(fault.code(), action,
                        timeline.repairCommand(fault.code(), wall).orElse(null)));
    }

    private synchronized void finish(Command command) {
        advance(wallClock.instant());
        String action = command.action();
        Optional<String> fault = product.activeFault();
        CommandPolicy.Outcome outcome = CommandPolicy.finish(action, model, fault, random.nextDouble(),
                settings.repairSuccess());
        if (outcome.clearsFault()) {
            product.clearFault();
            repairs.repairCleared(fault.orElseThrow());
            maybeRelapse(fault.get(), settings.relapseAfterRepair());
        }
        product.actionFinished(action, outcome.clearsFault());
        runningAction = null;
        LOG.info("device {}: command {} ({}) {}: {}", deviceId, command.id(), action, outcome.status(), outcome.text());
        result(command, outcome.status(), outcome.code(), outcome.text());
        checkFaultEvents();
        if ("reboot".equals(action) || "firmware_rollback".equals(action)) {
            boot();
        }
    }

    private void result(Command command, CommandResult.Status status, Integer code, String text) {
        uplink.send(MessageType.COMMAND_RESULTS, new CommandResult(command.id(), now(), status, code, shorten(text)));
    }

    /**
     * Shows a tip the way a display would (here, in the log); the simulated customer follows it with the
     * configured probability, and the product then saves the configured share of its energy.
     */
    public synchronized void onTip(Tip tip) {
        LOG.info("device {}: tip {} \"{}\"", deviceId, tip.id(), tip.title());
        display.show(tip);
        if (SELF_SERVICE.equals(tip.kind())) {
            fixByHand(tip);
            return;
        }
        if (settings.tipSaving() > 0 && random.nextDouble() < settings.tipFollow()) {
            product.followTip(settings.tipSaving());
            LOG.info("device {}: the customer follows tip {}", deviceId, tip.id());
            customerMarks(tip.id(), TipStatus.DONE);
        }
    }

    /**
     * A self-service tip for the active fault: the simulated customer follows it with the configured probability
     * and fixes the fault by hand, which comes back with the manual-fix relapse probability.
     */
    private void fixByHand(Tip tip) {
        Optional<String> fault = product.activeFault();
        if (fault.isEmpty() || runningAction != null || random.nextDouble() >= settings.tipFollow()) {
            return;
        }
        LOG.info("device {}: the customer fixes {} by hand, following tip {}", deviceId, fault.get(), tip.id());
        product.clearFault();
        checkFaultEvents();
        customerMarks(tip.id(), TipStatus.DONE);
        maybeRelapse(fault.get(), settings.relapseAfterManualFix());
    }

    /** Plans the fault to come back {@link FirmwareSettings#RELAPSE_AFTER} (simulated) from now, with this probability. */
    private void maybeRelapse(String code, double probability) {
        if (probability > 0 && random.nextDouble() < probability) {
            Instant at = wallClock.instant().plus(simClock.realDuration(FirmwareSettings.RELAPSE_AFTER.toSeconds()));
            plannedFaults.add(Map.entry(code, at));
            LOG.info("device {}: {} will come back at {}", deviceId, code, at);
        }
    }

    /** The customer acted on the tip in the API, on the web or elsewhere: the display follows (contract v1.1). */
    public synchronized void onTipState(TipState state) {
        if (display.apply(state.id(), state.state())) {
            LOG.info("device {}: tip {} is {} elsewhere; the display follows", deviceId, state.id(), state.state());
        }
    }

    /** The customer marks a shown tip on the device itself; the gateway tells every other channel. */
    public synchronized void customerMarks(String tipId, TipStatus state) {
        if (display.apply(tipId, state)) {
            uplink.send(MessageType.TIP_FEEDBACK, new TipFeedback(tipId, now(), state));
        }
    }

    /** The ids of the tips the display shows now. */
    public synchronized Set<String> shownTips() {
        return display.shown();
    }

    private boolean remember(String commandId) {
        if (!seenCommands.add(commandId)) {
            return false;
        }
        if (seenCommands.size() > REMEMBERED_COMMANDS) {
            seenCommands.removeFirst();
        }
        return true;
    }

    private Instant now() {
        return wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS - 3) + "...";
    }
}
