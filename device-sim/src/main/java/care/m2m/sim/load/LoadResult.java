package care.m2m.sim.load;

import java.util.List;

/**
 * What a load run measured. Rates and latencies cover the steady window only; {@code servers} holds the CPU
 * (cores busy, 1.0 = one core) and resident memory of each watched server process over that window.
 *
 * @param perSecond acknowledgements counted in each second of the steady window
 * @param p99PerSecondMs p99 PUBACK latency of the messages acknowledged in each second of the window (ms; 0 when none)
 */
public record LoadResult(String target, int devices, int connected, int connectFailed, int connectionsLost,
        double offeredRate, int window, double steadySeconds, long sent, long acked, long lost, long unanswered,
        long deferred, long windowSent, long windowAcked, double ackedPerSecond, Latency latencyMs,
        List<ServerUsage> servers, List<Long> perSecond, List<Double> p99PerSecondMs) {

    /** The name under which the generator reports its own CPU, so a reader sees whether it was the bottleneck. */
    public static final String GENERATOR = "load generator";

    public LoadResult {
        servers = List.copyOf(servers);
        perSecond = List.copyOf(perSecond);
        p99PerSecondMs = List.copyOf(p99PerSecondMs);
    }

    /** PUBACK latency of messages sent inside the window, in milliseconds. */
    public record Latency(long count, double p50, double p99, double p999, double max) {
    }

    /** One watched server process over the window. */
    public record ServerUsage(long pid, String name, double cores, long rssKbAfter) {
    }
}
