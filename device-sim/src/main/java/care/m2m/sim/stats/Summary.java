package care.m2m.sim.stats;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of a run, printed on stdout and written as JSON by {@code --summary-json}, so that CI can compare
 * runs. Every sent message is counted once in {@code acknowledged}, {@code rejected} or {@code failed}.
 *
 * @param deferred         telemetry samples not sent because the device was offline or its window was full
 * @param messagesPerSecond sent messages divided by the run's duration
 * @param offlineEpisodes  times a device dropped its connection on purpose and came back later
 * @param repairs          faults, repair commands and how long the gateway took from fault to command
 * @param retries          messages sent again because the gateway asked for it later (CoAP 5.03 and Max-Age)
 * @param exitCode         0 when nothing failed and at least one device connected, 1 otherwise
 */
public record Summary(int devices, int devicesConnected, double durationSeconds, long sent, long acknowledged,
                      long rejected, Map<String, Long> rejectedByReason, long failed, long failedTimeouts,
                      long failedConnectionLoss, long deferred, double messagesPerSecond, LatencyMillis ackLatencyMs,
                      long eventsSent, long connectFailures, long connectionLosses, Commands commands,
                      long tipsReceived, long configsReceived, long offlineEpisodes, Repairs repairs, long retries,
                      int exitCode) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;

    public Summary {
        rejectedByReason = Map.copyOf(rejectedByReason);
    }

    /** Publish-to-PUBACK latency over the whole run. */
    public record LatencyMillis(double p50, double p99, double max, long count) {

        /** Percentiles of a histogram of microseconds, as {@link Latency} records them. */
        public static LatencyMillis of(Histogram histogram) {
            return new LatencyMillis(Latency.percentileMillis(histogram, 50), Latency.percentileMillis(histogram, 99),
                    Latency.maxMillis(histogram), histogram.getTotalCount());
        }
    }

    /**
     * The service ladder as the devices saw it.
     *
     * @param faultsReported       ERROR and WARNING events the firmware published
     * @param repairCommands       commands whose action is a repair action of the device's active fault, retries
     *                             included
     * @param repairsCleared       repair actions that cleared the fault, in the firmware's own view
     * @param commandsBeforeReport first repair commands that arrived before the device reported the fault (the
     *                             gateway saw it in telemetry first); they are in {@code onsetToCommandMs} only
     * @param faultToCommandMs     from the ERROR/WARNING event to the fault's first repair command
     * @param onsetToCommandMs     from the moment the fault began in the product's physics to its first repair command
     */
    public record Repairs(long faultsReported, long repairCommands, long repairsCleared, long commandsBeforeReport,
                          LatencyMillis faultToCommandMs, LatencyMillis onsetToCommandMs) {
    }

    /**
     * Commands received on the device's downlink and what the simulated firmware answered; {@code received} counts
     * distinct commands, {@code redelivered} the copies QoS 1 brought again (ignored by the firmware).
     */
    public record Commands(long received, long accepted, long executed, long failed, long rejected,
                           long redelivered) {
    }

    /** Builds the summary from the final counters; the exit code follows the rule documented on the command. */
    public static Summary of(int devices, double durationSeconds, RunStats.Snapshot s, LatencyMillis latency) {
        long failed = s.failedTimeout() + s.failedConnection();
        int exitCode = failed == 0 && s.everConnected() > 0 ? EXIT_OK : EXIT_FAILED;
        double rate = durationSeconds > 0 ? s.sent() / durationSeconds : 0;
        return new Summary(devices, s.everConnected(), durationSeconds, s.sent(), s.acknowledged(), s.rejected(),
                s.rejectedByReason(), failed, s.failedTimeout(), s.failedConnection(), s.deferred(), rate, latency,
                s.eventsSent(), s.connectFailures(), s.connectionLosses(), s.commands(), s.tipsReceived(),
                s.configsReceived(), s.offlineEpisodes(), s.repairs(), s.retries(), exitCode);
    }
}
