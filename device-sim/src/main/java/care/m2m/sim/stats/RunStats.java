package care.m2m.sim.stats;

import care.m2m.sim.transport.ReasonCodes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one run, written from the scheduler and from Paho threads at once. Every uplink message that
 * was sent ends in exactly one of acknowledged, rejected (with a reason code) or failed (timeout, connection
 * loss, still unacknowledged at the end); the exit code is built on that.
 */
public final class RunStats {

    private final LongAdder sent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder failedTimeout = new LongAdder();
    private final LongAdder failedConnection = new LongAdder();
    private final LongAdder deferred = new LongAdder();
    private final LongAdder lateAcks = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger everConnected = new AtomicInteger();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder connectionLosses = new LongAdder();
    private final LongAdder commandsReceived = new LongAdder();
    private final LongAdder commandsRedelivered = new LongAdder();
    private final LongAdder commandsAccepted = new LongAdder();
    private final LongAdder commandsExecuted = new LongAdder();
    private final LongAdder commandsFailed = new LongAdder();
    private final LongAdder commandsRejected = new LongAdder();
    private final LongAdder tipsReceived = new LongAdder();
    private final LongAdder configsReceived = new LongAdder();
    private final LongAdder downlinksInvalid = new LongAdder();
    private final LongAdder offlineEpisodes = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Latency latency = new Latency();
    private final RepairStats repairs = new RepairStats();

    public void sent() {
        sent.increment();
    }

    public void eventSent() {
        eventsSent.increment();
    }

    public void acknowledged(long latencyNanos) {
        acknowledged.increment();
        latency.record(latencyNanos);
    }

    public void rejected(int reasonCode, long latencyNanos) {
        rejected.computeIfAbsent(reasonCode, code -> new LongAdder()).increment();
        latency.record(latencyNanos);
    }

    public void timedOut() {
        failedTimeout.increment();
    }

    public void lostWithConnection() {
        failedConnection.increment();
    }

    /** A telemetry sample skipped because the device was offline or its in-flight window was full. */
    public void deferred() {
        deferred.increment();
    }

    /** An acknowledgement for a message already counted as timed out. */
    public void lateAck() {
        lateAcks.increment();
    }

    public void connected(boolean firstTime) {
        connected.incrementAndGet();
        if (firstTime) {
            everConnected.incrementAndGet();
        }
    }

    public void disconnected() {
        connected.decrementAndGet();
        connectionLosses.increment();
    }

    /** The device dropped its connection on purpose ({@code --offline-rate}); not counted as a loss. */
    public void wentOffline() {
        connected.decrementAndGet();
        offlineEpisodes.increment();
    }

    /** The gateway asked for a message again later (CoAP 5.03 with Max-Age); the device resends it itself. */
    public void retried() {
        retries.increment();
    }

    public void connectFailed() {
        connectFailures.increment();
    }

    /** A command the device had not seen before. */
    public void commandReceived() {
        commandsReceived.increment();
    }

    /** A command delivered again (same id) after a connection drop; the firmware ignored it. */
    public void commandRedelivered() {
        commandsRedelivered.increment();
    }

    public void commandAccepted() {
        commandsAccepted.increment();
    }

    public void commandExecuted() {
        commandsExecuted.increment();
    }

    public void commandFailed() {
        commandsFailed.increment();
    }

    public void commandRejected() {
        commandsRejected.increment();
    }

    public void tipReceived() {
        tipsReceived.increment();
    }

    public void configReceived() {
        configsReceived.increment();
    }

    public void downlinkInvalid() {
        downlinksInvalid.increment();
    }

    public Latency latency() {
        return latency;
    }

    /** Where the fleet's firmware reports faults and repair commands. */
    public RepairStats repairs() {
        return repairs;
    }

    public long sentCount() {
        return sent.sum();
    }

    public long acknowledgedCount() {
        return acknowledged.sum();
    }

    public long rejectedCount() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long failedCount() {
        return failedTimeout.sum() + failedConnection.sum();
    }

    public int connectedNow() {
        return connected.get();
    }

    /** A consistent-enough copy of every counter for the summary. */
    public Snapshot snapshot() {
        Map<String, Long> byReason = new TreeMap<>();
        rejected.forEach((code, count) -> byReason.put(ReasonCodes.describe(code), count.sum()));
        return new Snapshot(sent.sum(), acknowledged.sum(), rejectedCount(), byReason, failedTimeout.sum(),
                failedConnection.sum(), deferred.sum(), lateAcks.sum(), eventsSent.sum(), connected.get(),
                everConnected.get(), connectFailures.sum(), connectionLosses.sum(),
                new Summary.Commands(commandsReceived.sum(), commandsAccepted.sum(), commandsExecuted.sum(),
                        commandsFailed.sum(), commandsRejected.sum(), commandsRedelivered.sum()),
                tipsReceived.sum(), configsReceived.sum(), downlinksInvalid.sum(), offlineEpisodes.sum(),
                repairs.snapshot(), retries.sum());
    }

    /** The counters at one moment. */
    public record Snapshot(long sent, long acknowledged, long rejected, Map<String, Long> rejectedByReason,
                           long failedTimeout, long failedConnection, long deferred, long lateAcks, long eventsSent,
                           int connected, int everConnected, long connectFailures, long connectionLosses,
                           Summary.Commands commands, long tipsReceived, long configsReceived,
                           long downlinksInvalid, long offlineEpisodes, Summary.Repairs repairs,
                           long retries) {
    }
}
