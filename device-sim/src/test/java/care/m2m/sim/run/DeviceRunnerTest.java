package care.m2m.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.topics.MessageType;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.Firmware;
import care.m2m.sim.firmware.FirmwareSettings;
import care.m2m.sim.firmware.SimClock;
import care.m2m.sim.stats.RunStats;
import care.m2m.sim.transport.DeviceConnection;
import care.m2m.sim.transport.NotSentException;
import care.m2m.sim.transport.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How one device accounts for every message it sends: acknowledged, rejected, lost, timed out or deferred. */
@Timeout(30)
class DeviceRunnerTest {

    /** Runs hand-overs (boot, commands) but no periodic ticks: the test ticks by hand. */
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long delay, long period, TimeUnit unit) {
            return super.schedule(() -> { }, 0, unit);
        }
    };
    private final RunStats stats = new RunStats();
    private final InflightTracker tracker = new InflightTracker();
    private final FakeConnection connection = new FakeConnection();
    private final DeviceRunner runner;

    DeviceRunnerTest() {
        RunSettings settings = new RunSettings("tcp://127.0.0.1:1883", Protocol.MQTT5,
                Encoding.JSON, 1, Duration.ZERO, 1, 2, 10, 1, new FirmwareSettings(1, 0, Duration.ofSeconds(1)),
                List.of(), Duration.ofSeconds(5), Duration.ZERO, ZoneOffset.UTC);
        Instant start = Instant.now();
        FleetContext context = new FleetContext(settings, stats, scheduler, tracker, new SimClock(start, 1));
        DeviceModel model = DeviceModels.builtIn().require(Behaviours.CHARGER);
        runner = new DeviceRunner(uplink -> new Firmware("dev-1", model,
                Behaviours.create(model, start, ZoneOffset.UTC, 1), 1, settings.firmware(), context.clock(),
                Clock.systemUTC(), uplink, (delay, task) -> { }), context);
        runner.attach(connection);
    }

    /** Connects and waits for the BOOT event, which is acknowledged at once. */
    private void goOnline() {
        runner.connected(false);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> connection.topics.stream().anyMatch(t -> t.endsWith("/events")));
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anAcknowledgedAndARejectedMessageAreCountedWithTheirLatency() {
        goOnline();
        runner.tick();
        runner.tick();

        connection.outcomes.get(0).complete(0);
        connection.outcomes.get(1).complete(0x99);

        assertThat(stats.snapshot().sent()).isEqualTo(3);
        assertThat(stats.snapshot().acknowledged()).isEqualTo(2);
        assertThat(stats.snapshot().rejectedByReason()).containsEntry("0x99 payload format invalid", 1L);
        assertThat(stats.latency().total().getTotalCount()).isEqualTo(3);
        assertThat(tracker.size()).isZero();
    }

    @Test
    void aFullWindowDefersTheSampleInsteadOfBlocking() {
        goOnline();
        runner.tick();
        runner.tick();
        runner.tick();

        assertThat(connection.outcomes).hasSize(2);
        assertThat(stats.snapshot().deferred()).isEqualTo(1);

        connection.outcomes.get(0).complete(0);
        runner.tick();
        assertThat(connection.outcomes).hasSize(3);
    }

    @Test
    void whileOfflineSamplesAreDeferredAndNothingIsSent() {
        runner.tick();

        assertThat(connection.outcomes).isEmpty();
        assertThat(stats.snapshot().deferred()).isEqualTo(1);
        assertThat(stats.snapshot().sent()).isZero();
    }

    @Test
    void aMessageTheClientRefusesIsDeferredNotSent() {
        goOnline();
        connection.refuse = true;

        runner.tick();

        assertThat(stats.snapshot().sent()).isEqualTo(1);
        assertThat(stats.snapshot().deferred()).isEqualTo(1);
    }

    @Test
    void aMessageLostWithTheConnectionFails() {
        goOnline();
        runner.tick();

        connection.outcomes.get(0).completeExceptionally(new IllegalStateException("connection lost"));

        assertThat(stats.snapshot().failedConnection()).isEqualTo(1);
    }

    @Test
    void aTimedOutMessageFailsOnceAndALateAckIsOnlyNoted() {
        goOnline();
        runner.tick();

        tracker.expire(System.nanoTime() + Duration.ofSeconds(6).toNanos(), Duration.ofSeconds(5).toNanos(), p -> {
            stats.timedOut();
            p.device().expired(p);
        });
        connection.outcomes.get(0).complete(0);

        assertThat(stats.snapshot().failedTimeout()).isEqualTo(1);
        assertThat(stats.snapshot().acknowledged()).as("only the BOOT event").isEqualTo(1);
        assertThat(stats.snapshot().lateAcks()).isEqualTo(1);
    }

    @Test
    void commandResultsAreCountedByStatus() {
        goOnline();

        runner.publish(MessageType.COMMAND_RESULTS, new CommandResult("c-1", Instant.now(),
                CommandResult.Status.REJECTED, 1, "unknown action"));

        assertThat(stats.snapshot().commands().rejected()).isEqualTo(1);
    }

    /** A connection whose publish outcomes the test completes by hand. */
    private static final class FakeConnection implements DeviceConnection {
        final List<CompletableFuture<Integer>> outcomes = new CopyOnWriteArrayList<>();
        final List<String> topics = new CopyOnWriteArrayList<>();
        boolean refuse;

        @Override
        public CompletableFuture<Void> connect() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletableFuture<Integer> publish(String topic, byte[] payload, String contentType) {
            if (refuse) {
                throw new NotSentException("window full", null);
            }
            topics.add(topic);
            if (topic.endsWith("/events")) {
                return CompletableFuture.completedFuture(0);
            }
            CompletableFuture<Integer> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            return outcome;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public CompletableFuture<Void> disconnect(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void dropAbruptly() {
        }

        @Override
        public void close() {
        }
    }
}
