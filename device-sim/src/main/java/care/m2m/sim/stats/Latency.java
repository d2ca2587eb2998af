package care.m2m.sim.stats;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Publish-to-PUBACK latency in microseconds. Paho threads record concurrently into a {@link Recorder}; the
 * progress reporter takes interval snapshots (for a per-interval p99) and adds each into the run's total.
 */
public final class Latency {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);

    public void record(long nanos) {
        recorder.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** The values recorded since the last call; they are added to the run's total as well. */
    public synchronized Histogram interval() {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    /** The whole run so far, including values not yet taken by {@link #interval()}. */
    public synchronized Histogram total() {
        interval();
        return total.copy();
    }

    /** A percentile of a histogram in milliseconds; 0 when it is empty. */
    public static double percentileMillis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public static double maxMillis(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }
}
