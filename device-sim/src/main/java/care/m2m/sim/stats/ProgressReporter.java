package care.m2m.sim.stats;

import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Prints one line every few seconds on stderr while a run goes on (stdout stays clean for the summary): how many
 * devices are connected, the running totals and the rate and p99 of the last interval.
 */
public final class ProgressReporter {

    private final RunStats stats;
    private final int devices;
    private final PrintWriter out;
    private final long startNanos;
    private long lastNanos;
    private long lastSent;

    public ProgressReporter(RunStats stats, int devices, PrintWriter out, long startNanos) {
        this.stats = stats;
        this.devices = devices;
        this.out = out;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** Prints the line for the interval that ends now. */
    public synchronized void report(long nowNanos) {
        out.println(line(nowNanos));
        out.flush();
    }

    synchronized String line(long nowNanos) {
        Histogram interval = stats.latency().interval();
        long sent = stats.sentCount();
        double seconds = Math.max(1e-9, (nowNanos - lastNanos) / 1e9);
        double rate = (sent - lastSent) / seconds;
        lastNanos = nowNanos;
        lastSent = sent;
        return String.format(Locale.ROOT,
                "[%5.0fs] connected %d/%d | sent %d acked %d rejected %d failed %d | %.1f msg/s | p99 %.1f ms",
                (nowNanos - startNanos) / 1e9, stats.connectedNow(), devices, sent, stats.acknowledgedCount(),
                stats.rejectedCount(), stats.failedCount(), rate, Latency.percentileMillis(interval, 99));
    }
}
