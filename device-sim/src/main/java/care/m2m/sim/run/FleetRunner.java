package care.m2m.sim.run;

import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.topics.Topics;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.FaultInjection;
import care.m2m.sim.firmware.Firmware;
import care.m2m.sim.firmware.SimClock;
import care.m2m.sim.provision.DeviceCredentials;
import care.m2m.sim.stats.ProgressReporter;
import care.m2m.sim.stats.RunStats;
import care.m2m.sim.stats.Summary;
import care.m2m.sim.transport.ConnectionSettings;
import care.m2m.sim.transport.Connections;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fleet from start to summary: builds each device (product, firmware, connection), connects them at the
 * configured rate, lets them publish for the run's duration, then stops telemetry, waits briefly for outstanding
 * acknowledgements, disconnects and reports. Uses a few scheduler threads for the whole fleet.
 */
public final class FleetRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

    private static final Duration DISCONNECT_QUIESCE = Duration.ofSeconds(1);
    private static final Duration DISCONNECT_WAIT = Duration.ofSeconds(5);

    private final RunSettings settings;
    private final List<DeviceCredentials> fleet;
    private final ModelCatalog catalog;
    private final PrintWriter progressOut;
    private final Clock wallClock = Clock.systemUTC();
    private final RunStats stats = new RunStats();
    private final InflightTracker tracker = new InflightTracker();
    private final CountDownLatch stop = new CountDownLatch(1);

    public FleetRunner(RunSettings settings, List<DeviceCredentials> fleet, ModelCatalog catalog,
                       PrintWriter progressOut) {
        this.settings = settings;
        this.fleet = List.copyOf(fleet);
        this.catalog = catalog;
        this.progressOut = progressOut;
        validate(settings, this.fleet, catalog);
    }

    /**
     * Checks before anything connects that every device's model is known and simulated and that every injected
     * fault can happen on the devices it targets.
     *
     * @throws IllegalArgumentException naming the device, model or fault that does not fit
     */
    public static void validate(RunSettings settings, List<DeviceCredentials> fleet, ModelCatalog catalog) {
        for (DeviceCredentials device : fleet) {
            DeviceModel model = catalog.find(device.model()).orElseThrow(() -> new IllegalArgumentException(
                    "device " + device.id() + " has model " + device.model() + ", which the contract does not know"));
            if (!Behaviours.SIMULATED.contains(model.id())) {
                throw new IllegalArgumentException("device " + device.id() + ": no simulation for model " + model.id());
            }
        }
        for (FaultInjection injection : settings.injections()) {
            if (injection.allDevices()) {
                boolean any = fleet.stream().anyMatch(d -> catalog.require(d.model()).fault(injection.code()).isPresent());
                if (!any) {
                    throw new IllegalArgumentException("fault " + injection.code() + "@all: no device in the fleet has a"
                            + " model with that fault");
                }
            } else if (injection.deviceIndex() >= fleet.size()) {
                throw new IllegalArgumentException("fault " + injection.code() + "@" + injection.deviceIndex()
                        + ": the fleet has devices 0 to " + (fleet.size() - 1));
            } else {
                DeviceCredentials device = fleet.get(injection.deviceIndex());
                if (catalog.require(device.model()).fault(injection.code()).isEmpty()) {
                    throw new IllegalArgumentException("fault " + injection.code() + "@" + injection.deviceIndex()
                            + ": device " + device.id() + " is a " + device.model() + ", which has no such fault");
                }
            }
        }
    }

    /** The counters so far, for callers that watch a run while it goes on. */
    public RunStats.Snapshot snapshot() {
        return stats.snapshot();
    }

    /** Ends the run early (Ctrl-C); {@link #run()} then stops, drains and returns its summary. */
    public void requestStop() {
        stop.countDown();
    }

    public Summary run() throws InterruptedException {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(threads, daemon("sim-scheduler"));
        scheduler.setRemoveOnCancelPolicy(true);
        ScheduledExecutorService ping = Executors.newScheduledThreadPool(1, daemon("sim-mqtt-ping"));
        Instant start = wallClock.instant();
        long startNanos = System.nanoTime();
        FleetContext context = new FleetContext(settings, stats, scheduler, tracker,
                new SimClock(start, settings.speed()));
        List<DeviceRunner> runners = new ArrayList<>();
        try {
            for (int i = 0; i < fleet.size(); i++) {
                runners.add(createRunner(i, context, ping, start));
            }
            LOG.info("Starting {} devices against {} ({}, {}), seed {}", fleet.size(), settings.mqttUrl(),
                    settings.protocol(), settings.encoding(), settings.seed());
            for (int i = 0; i < runners.size(); i++) {
                scheduler.schedule(runners.get(i)::connect, (long) (i * 1e9 / settings.connectRate()),
                        TimeUnit.NANOSECONDS);
            }
            startReporting(scheduler, startNanos);
            if (settings.runsUntilStopped()) {
                stop.await();
            } else {
                stop.await(settings.duration().toNanos(), TimeUnit.NANOSECONDS);
            }
            long endNanos = System.nanoTime();
            runners.forEach(DeviceRunner::stopTicking);
            drain();
            tracker.expireAll(this::timedOut);
            Summary.LatencyMillis latency = Summary.LatencyMillis.of(stats.latency().total());
            return Summary.of(fleet.size(), (endNanos - startNanos) / 1e9, stats.snapshot(), latency);
        } finally {
            scheduler.shutdownNow();
            disconnect(runners);
            ping.shutdownNow();
        }
    }

    private DeviceRunner createRunner(int index, FleetContext context, ScheduledExecutorService ping, Instant start) {
        DeviceCredentials device = fleet.get(index);
        DeviceModel model = catalog.require(device.model());
        long seed = Behaviours.mix(settings.seed()) + index;
        DeviceRunner runner = new DeviceRunner(uplink -> new Firmware(device.id(), model,
                Behaviours.create(model, start, settings.zone(), seed), ~seed, settings.firmware(),
                context.clock(), wallClock, uplink,
                (delay, task) -> context.scheduler().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS),
                stats.repairs()), context, new OfflineSchedule(settings.offline(), context.clock(), seed * 31 + 17));
        ConnectionSettings connection = new ConnectionSettings(settings.mqttUrl(), device.id(), device.secret(),
                Topics.downlinkFilter(device.id()), settings.maxInflight(), ConnectionSettings.DEFAULT_KEEP_ALIVE_SECONDS,
                ConnectionSettings.DEFAULT_SESSION_EXPIRY_SECONDS, ping, device.psk(),
                settings.encoding());
        runner.attach(Connections.create(settings.protocol(), connection, runner));
        for (FaultInjection injection : settings.injections()) {
            if (injection.targets(index) && model.fault(injection.code()).isPresent()) {
                runner.firmware().planFault(injection.code(), start.plus(injection.after()));
            }
        }
        return runner;
    }

    private void startReporting(ScheduledExecutorService scheduler, long startNanos) {
        if (!settings.progressEvery().isZero()) {
            ProgressReporter progress = new ProgressReporter(stats, fleet.size(), progressOut, startNanos);
            long every = settings.progressEvery().toNanos();
            scheduler.scheduleAtFixedRate(() -> progress.report(System.nanoTime()), every, every, TimeUnit.NANOSECONDS);
        }
        long timeout = settings.ackTimeout().toNanos();
        long sweep = Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeout / 2));
        scheduler.scheduleAtFixedRate(() -> tracker.expire(System.nanoTime(), timeout, this::timedOut), sweep, sweep,
                TimeUnit.NANOSECONDS);
    }

    private void timedOut(InflightTracker.Pending pending) {
        stats.timedOut();
        pending.device().expired(pending);
        LOG.debug("device {}: no acknowledgement within {}", pending.device().deviceId(), settings.ackTimeout());
    }

    /** Waits for outstanding acknowledgements, at most the ack timeout and never longer than {@link RunSettings#MAX_DRAIN}. */
    private void drain() {
        Duration limit = settings.ackTimeout().compareTo(RunSettings.MAX_DRAIN) < 0 ? settings.ackTimeout()
                : RunSettings.MAX_DRAIN;
        long deadline = System.nanoTime() + limit.toNanos();
        while (tracker.size() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /**
     * Disconnects and closes every client, each on its own virtual thread: Paho's MQTT 5 disconnect sleeps 100 ms
     * on the calling thread, which one after another would take minutes for a large fleet.
     */
    private static void disconnect(List<DeviceRunner> runners) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeviceRunner runner : runners) {
                pool.execute(() -> {
                    try {
                        runner.connection().disconnect(DISCONNECT_QUIESCE).get(DISCONNECT_WAIT.toMillis(),
                                TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        LOG.debug("device {}: no clean disconnect: {}", runner.deviceId(), e.toString());
                    } finally {
                        runner.connection().close();
                    }
                });
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 1).daemon(true).factory();
    }
}
