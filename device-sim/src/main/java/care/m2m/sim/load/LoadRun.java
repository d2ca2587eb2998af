package care.m2m.sim.load;

import care.m2m.sim.provision.DeviceCredentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one load: connect every device, warm up, measure a steady window (rate, PUBACK latency, server CPU), stop
 * sending, wait for the last acknowledgements, disconnect. Called from a plain thread (the command), never from an
 * event loop: it waits on futures.
 */
public final class LoadRun {

    private static final Duration DRAIN = Duration.ofSeconds(20);
    private static final Duration CONNECT_SLACK = Duration.ofSeconds(60);

    private final LoadSettings settings;
    private final List<DeviceCredentials> devices;
    private final PayloadTemplates templates;
    private final Map<Long, String> watched;
    private final PrintWriter log;
    private final LoadStats stats = new LoadStats();

    /** @param watched server processes (pid -> name) whose CPU and memory are reported over the window */
    public LoadRun(LoadSettings settings, List<DeviceCredentials> devices, PayloadTemplates templates,
            Map<Long, String> watched, PrintWriter log) {
        this.settings = settings;
        this.devices = List.copyOf(devices);
        this.templates = templates;
        this.watched = new LinkedHashMap<>(watched);
        this.log = log;
    }

    public LoadResult run(String target) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        try {
            return measure(vertx, target);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private LoadResult measure(Vertx vertx, String target) throws Exception {
        List<LoadVerticle> loops = deploy(vertx);
        long connectStart = System.nanoTime();
        Duration connectBudget = Duration.ofMillis((long) (devices.size() / settings.connectRate() * 1000))
                .plus(CONNECT_SLACK);
        await(Future.join(loops.stream().map(LoadVerticle::connected).toList()), connectBudget);
        log.printf("load: %d of %d devices connected in %.1f s (%d refused or failed)%n", stats.connected.sum(),
                devices.size(), (System.nanoTime() - connectStart) / 1e9, stats.connectFailed.sum());
        log.flush();
        List<Long> perSecond = new ArrayList<>();
        List<Double> p99PerSecond = new ArrayList<>();
        Map<Long, ProcessCpu> before = new LinkedHashMap<>();
        Map<Long, ProcessCpu> after = new LinkedHashMap<>();
        if (settings.idle()) {
            log.printf("load: ALL_CONNECTED %d, holding the connections idle for %d s%n", stats.connected.sum(),
                    settings.steady().toSeconds());
            log.flush();
            watched.keySet().forEach(pid -> before.put(pid, ProcessCpu.sample(pid)));
            Thread.sleep(settings.steady().toMillis());
            watched.keySet().forEach(pid -> after.put(pid, ProcessCpu.sample(pid)));
        } else {
            loops.forEach(LoadVerticle::startSending);
            Thread.sleep(settings.warmup().toMillis());
            watched.keySet().forEach(pid -> before.put(pid, ProcessCpu.sample(pid)));
            long windowStart = System.nanoTime();
            log.printf("load: steady window from %s%n", Instant.now());
            log.flush();
            stats.openWindow(windowStart, settings.steady().toNanos());
            long seconds = Math.max(1, settings.steady().toSeconds());
            long previous = stats.windowAcked.sum();
            stats.latenciesSinceLastRead();
            for (long s = 1; s <= seconds; s++) {
                long due = windowStart + TimeUnit.SECONDS.toNanos(s);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long now = stats.windowAcked.sum();
                perSecond.add(now - previous);
                previous = now;
                Histogram second = stats.latenciesSinceLastRead();
                p99PerSecond.add(second.getTotalCount() == 0 ? 0.0 : second.getValueAtPercentile(99) / 1e6);
            }
            watched.keySet().forEach(pid -> after.put(pid, ProcessCpu.sample(pid)));
            await(Future.join(loops.stream().map(LoadVerticle::stopSending).toList()), Duration.ofSeconds(10));
            drain(loops);
        }
        long unanswered = inflight(loops);
        await(Future.join(loops.stream().map(LoadVerticle::disconnectAll).toList()), Duration.ofSeconds(30));
        return result(target, perSecond, p99PerSecond, before, after, unanswered);
    }

    private List<LoadVerticle> deploy(Vertx vertx) throws Exception {
        int loops = Math.min(settings.eventLoops(), devices.size());
        List<List<LoadDevice>> shares = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < devices.size(); i++) {
            shares.get(i % loops).add(new LoadDevice(devices.get(i), i, templates, stats, settings.window()));
        }
        List<LoadVerticle> verticles = new ArrayList<>();
        for (List<LoadDevice> share : shares) {
            LoadVerticle verticle = new LoadVerticle(share, settings.sourceAddresses(), settings, loops, stats);
            await(vertx.deployVerticle(verticle), Duration.ofSeconds(10));
            verticles.add(verticle);
        }
        return verticles;
    }

    private void drain(List<LoadVerticle> loops) throws Exception {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && inflight(loops) > 0) {
            Thread.sleep(50);
        }
    }

    private static long inflight(List<LoadVerticle> loops) throws Exception {
        long total = 0;
        for (LoadVerticle loop : loops) {
            total += await(loop.inflight(), Duration.ofSeconds(10));
        }
        return total;
    }

    private LoadResult result(String target, List<Long> perSecond, List<Double> p99PerSecond,
            Map<Long, ProcessCpu> before, Map<Long, ProcessCpu> after, long unanswered) {
        Histogram histogram = stats.latencies();
        double ms = 1e6;
        LoadResult.Latency latency = new LoadResult.Latency(histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / ms, histogram.getValueAtPercentile(99) / ms,
                histogram.getValueAtPercentile(99.9) / ms, histogram.getMaxValue() / ms);
        List<LoadResult.ServerUsage> servers = new ArrayList<>();
        watched.forEach((pid, name) -> {
            ProcessCpu first = before.get(pid);
            ProcessCpu last = after.get(pid);
            servers.add(new LoadResult.ServerUsage(pid, name, last.coresSince(first), last.rssKb()));
        });
        double steadySeconds = settings.steady().toNanos() / 1e9;
        return new LoadResult(target, devices.size(), (int) stats.connected.sum(), (int) stats.connectFailed.sum(),
                (int) stats.connectionsLost.sum(), settings.rate(), settings.window(), steadySeconds, stats.sent.sum(),
                stats.acked.sum(), stats.lost.sum(), unanswered, stats.deferred.sum(), stats.windowSent.sum(),
                stats.windowAcked.sum(), settings.idle() ? 0 : stats.windowAcked.sum() / steadySeconds, latency,
                servers, perSecond, p99PerSecond);
    }

    private static <T> T await(Future<T> future, Duration timeout) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
