package care.m2m.sim.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every QoS 1 message between its publish and its outcome, across the fleet. Whoever removes an entry first
 * decides its outcome: the acknowledgement, or the sweeper that declares it timed out; so each sent message is
 * counted exactly once even when a late PUBACK races the timeout.
 */
final class InflightTracker {

    /**
     * One outstanding message: who sent it, when (System.nanoTime) and whether it holds a place in the device's
     * telemetry window.
     */
    record Pending(DeviceRunner device, long sentNanos, boolean windowed) {
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    long add(DeviceRunner device, long sentNanos, boolean windowed) {
        long id = ids.incrementAndGet();
        pending.put(id, new Pending(device, sentNanos, windowed));
        return id;
    }

    /** Removes the entry; null when the sweeper took it first. */
    Pending complete(long id) {
        return pending.remove(id);
    }

    /** Removes and hands over every entry older than {@code timeoutNanos}. */
    void expire(long nowNanos, long timeoutNanos, Consumer<Pending> expired) {
        pending.forEach((id, entry) -> {
            if (nowNanos - entry.sentNanos() >= timeoutNanos && pending.remove(id, entry)) {
                expired.accept(entry);
            }
        });
    }

    /** Removes and hands over every entry, for the end of a run. */
    void expireAll(Consumer<Pending> expired) {
        pending.forEach((id, entry) -> {
            if (pending.remove(id, entry)) {
                expired.accept(entry);
            }
        });
    }

    int size() {
        return pending.size();
    }
}
