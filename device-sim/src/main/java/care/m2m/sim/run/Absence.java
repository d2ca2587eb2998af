package care.m2m.sim.run;

import care.m2m.contracts.topics.MessageType;
import care.m2m.sim.transport.ConnectionSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's planned absences ({@code --offline-rate}): on a tick the {@link OfflineSchedule} may send it away;
 * it then stops sampling, waits briefly for its outstanding acknowledgements (so an episode does not turn into
 * failed messages), leaves cleanly or abruptly, and reconnects after the episode with the same persistent session,
 * so the broker or gateway delivers what was queued meanwhile. Events and command results made while away are held
 * (at most {@link ConnectionSettings#DISCONNECTED_BUFFER_SIZE}, oldest dropped) and sent on return.
 */
final class Absence {

    private static final Logger LOG = LoggerFactory.getLogger(Absence.class);
    /** Longest wait for outstanding acknowledgements before leaving anyway. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(2);
    private static final long SETTLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration DISCONNECT_QUIESCE = Duration.ofMillis(100);
    private static final long DISCONNECT_WAIT_MS = 5000;

    private record Held(MessageType type, Object message) {
    }

    private final DeviceRunner device;
    private final OfflineSchedule schedule;
    private final Deque<Held> held = new ArrayDeque<>();
    private boolean away;
    private long lastTickNanos;

    Absence(DeviceRunner device, OfflineSchedule schedule) {
        this.device = device;
        this.schedule = schedule;
    }

    /** Called on each telemetry tick: maybe starts an episode. */
    synchronized void tick(boolean connected) {
        long now = System.nanoTime();
        long elapsed = lastTickNanos == 0 ? 0 : now - lastTickNanos;
        lastTickNanos = now;
        if (connected && !isAway()) {
            schedule.next(Duration.ofNanos(elapsed)).ifPresent(this::leave);
        }
    }

    boolean isAway() {
        synchronized (held) {
            return away;
        }
    }

    /** Keeps {@code message} for later if the device is away; false if it may be sent now. */
    boolean hold(MessageType type, Object message) {
        synchronized (held) {
            if (!away) {
                return false;
            }
            if (held.size() >= ConnectionSettings.DISCONNECTED_BUFFER_SIZE) {
                held.removeFirst();
                device.fleet().stats().deferred();
            }
            held.addLast(new Held(type, message));
            return true;
        }
    }

    /** The connection is up: ends an episode and sends what was held, in order. */
    void returned() {
        List<Held> due;
        synchronized (held) {
            if (!away) {
                return;
            }
            away = false;
            due = List.copyOf(held);
            held.clear();
        }
        LOG.info("device {}: back online, sending {} held messages", device.deviceId(), due.size());
        if (!due.isEmpty()) {
            device.fleet().scheduler().execute(() -> due.forEach(h -> device.send(h.type(), h.message())));
        }
    }

    private void leave(OfflineSchedule.Episode episode) {
        synchronized (held) {
            away = true;
        }
        if (!device.leave()) {
            returned();
            return;
        }
        LOG.info("device {}: going offline for {} s ({})", device.deviceId(), episode.realDuration().toSeconds(),
                episode.abrupt() ? "abrupt" : "clean");
        dropWhenSettled(episode, System.nanoTime() + SETTLE_LIMIT.toNanos());
    }

    private void dropWhenSettled(OfflineSchedule.Episode episode, long deadline) {
        if (device.stopping() || !isAway()) {
            return;
        }
        if (device.outstanding() > 0 && System.nanoTime() < deadline) {
            later(() -> dropWhenSettled(episode, deadline), SETTLE_POLL_NANOS);
            return;
        }
        Thread.ofVirtual().name("sim-offline-" + device.deviceId()).start(() -> {
            drop(episode.abrupt());
            later(device::connect, episode.realDuration().toNanos());
        });
    }

    /** Leaves on a virtual thread: Paho's disconnect blocks its caller for the quiesce time. */
    private void drop(boolean abrupt) {
        if (abrupt) {
            device.connection().dropAbruptly();
            return;
        }
        try {
            device.connection().disconnect(DISCONNECT_QUIESCE).get(DISCONNECT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("device {}: no clean disconnect: {}", device.deviceId(), e.toString());
        }
    }

    private void later(Runnable task, long delayNanos) {
        if (device.stopping()) {
            return;
        }
        try {
            device.fleet().scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("device {}: run is over, not scheduling: {}", device.deviceId(), e.toString());
        }
    }
}
