package care.m2m.sim.firmware;

import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.TipFeedback;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.topics.MessageType;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.stats.RepairStats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: one firmware with a hand-moved clock, an uplink that collects messages and a scheduler whose
 * delayed tasks run when the test says so.
 */
final class FirmwareHarness {

    static final Instant START = Instant.parse("2025-01-14T09:00:00Z");

    final TestClock clock = new TestClock(START);
    final List<Object> sent = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    final List<Runnable> scheduled = new ArrayList<>();
    final DeviceModel model;
    final RepairStats repairs = new RepairStats();
    final Firmware firmware;

    FirmwareHarness(String modelId, double speed, FirmwareSettings settings) {
        this(modelId, speed, settings, 5);
    }

    FirmwareHarness(String modelId, double speed, FirmwareSettings settings, long seed) {
        model = DeviceModels.builtIn().require(modelId);
        SimClock simClock = new SimClock(START, speed);
        firmware = new Firmware("dev-1", model, Behaviours.create(model, START, ZoneOffset.UTC, 11), seed, settings,
                simClock, clock, this::send, (delay, task) -> {
                    delays.add(delay);
                    scheduled.add(task);
                }, repairs);
    }

    FirmwareHarness(String modelId, double repairSuccess) {
        this(modelId, 1, new FirmwareSettings(repairSuccess, 0, Duration.ofSeconds(5)));
    }

    private void send(MessageType type, Object message) {
        switch (type) {
            case EVENTS -> {
                if (!(message instanceof DeviceEvent)) {
                    throw new AssertionError("events topic got " + message);
                }
            }
            case COMMAND_RESULTS -> {
                if (!(message instanceof CommandResult)) {
                    throw new AssertionError("command results topic got " + message);
                }
            }
            case TIP_FEEDBACK -> {
                if (!(message instanceof TipFeedback)) {
                    throw new AssertionError("tip feedback topic got " + message);
                }
            }
            default -> throw new AssertionError("firmware sent " + type + " through its uplink");
        }
        sent.add(message);
    }

    /** Moves time on in steps, ticking the firmware like the runner does. */
    void run(Duration total, Duration step) {
        for (Duration d = Duration.ZERO; d.compareTo(total) < 0; d = d.plus(step)) {
            clock.advance(step);
            firmware.tick();
        }
    }

    void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    List<CommandResult> results() {
        return sent.stream().filter(CommandResult.class::isInstance).map(CommandResult.class::cast).toList();
    }

    List<DeviceEvent> events() {
        return sent.stream().filter(DeviceEvent.class::isInstance).map(DeviceEvent.class::cast).toList();
    }
}
