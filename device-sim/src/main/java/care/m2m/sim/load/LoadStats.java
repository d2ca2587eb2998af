package care.m2m.sim.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and the PUBACK latency histogram, shared by every event loop. Only messages sent inside the measured
 * window enter the histogram, and only acknowledgements that arrive inside it count towards the rate, so warm-up
 * and drain do not flatter the figures.
 */
final class LoadStats {

    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(120);

    final LongAdder connected = new LongAdder();
    final LongAdder connectFailed = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder lost = new LongAdder();
    final LongAdder deferred = new LongAdder();
    final LongAdder windowSent = new LongAdder();
    final LongAdder windowAcked = new LongAdder();
    private final Recorder latency = new Recorder(MAX_LATENCY_NANOS, 3);
    /** Every interval read out of {@link #latency} so far; touched only by the thread that reads the stats. */
    private final Histogram latencyRead = new Histogram(MAX_LATENCY_NANOS, 3);
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    void openWindow(long nowNanos, long lengthNanos) {
        windowEnd = nowNanos + lengthNanos;
        windowStart = nowNanos;
    }

    boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    void sentAt(long nanos) {
        sent.increment();
        if (inWindow(nanos)) {
            windowSent.increment();
        }
    }

    void ackedAt(long sentNanos, long ackNanos) {
        acked.increment();
        if (inWindow(ackNanos)) {
            windowAcked.increment();
        }
        if (inWindow(sentNanos)) {
            latency.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, ackNanos - sentNanos)));
        }
    }

    /** Latencies recorded since the previous call (read every second to show when the slow ones happened). */
    Histogram latenciesSinceLastRead() {
        Histogram interval = latency.getIntervalHistogram();
        latencyRead.add(interval);
        return interval;
    }

    /** Every latency of the window: the intervals already read and what came since. */
    Histogram latencies() {
        latenciesSinceLastRead();
        return latencyRead.copy();
    }
}
