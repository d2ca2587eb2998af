package care.m2m.sim.stats;

import java.util.Map;

/**
 * The result of a run, printed on stdout and written as JSON by {@code --summary-json}, so that CI can compare
 * runs. Every sent message is counted once in {@code acknowledged}, {@code rejected} or {@code failed}.
 *
 * @param deferred         telemetry samples not sent because the device was offline or its window was full
 * @param messagesPerSecond sent messages divided by the run's duration
 * @param exitCode         0 when nothing failed and at least one device connected, 1 otherwise
 */
public record Summary(int devices, int devicesConnected, double durationSeconds, long sent, long acknowledged,
                      long rejected, Map<String, Long> rejectedByReason, long failed, long failedTimeouts,
                      long failedConnectionLoss, long deferred, double messagesPerSecond, LatencyMillis ackLatencyMs,
                      long eventsSent, long connectFailures, long connectionLosses, Commands commands,
                      long tipsReceived, long configsReceived, int exitCode) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;

    public Summary {
        rejectedByReason = Map.copyOf(rejectedByReason);
    }

    /** Publish-to-PUBACK latency over the whole run. */
    public record LatencyMillis(double p50, double p99, double max, long count) {
    }

    /** Commands received on the device's downlink and what the simulated firmware answered. */
    public record Commands(long received, long accepted, long executed, long failed, long rejected) {
    }

    /** Builds the summary from the final counters; the exit code follows the rule documented on the command. */
    public static Summary of(int devices, double durationSeconds, RunStats.Snapshot s, LatencyMillis latency) {
        long failed = s.failedTimeout() + s.failedConnection();
        int exitCode = failed == 0 && s.everConnected() > 0 ? EXIT_OK : EXIT_FAILED;
        double rate = durationSeconds > 0 ? s.sent() / durationSeconds : 0;
        return new Summary(devices, s.everConnected(), durationSeconds, s.sent(), s.acknowledged(), s.rejected(),
                s.rejectedByReason(), failed, s.failedTimeout(), s.failedConnection(), s.deferred(), rate, latency,
                s.eventsSent(), s.connectFailures(), s.connectionLosses(), s.commands(), s.tipsReceived(),
                s.configsReceived(), exitCode);
    }
}
