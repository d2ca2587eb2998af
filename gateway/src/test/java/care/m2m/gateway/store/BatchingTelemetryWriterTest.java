package care.m2m.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer acknowledges only what the store took, batches under load and refuses work beyond its queue. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchingTelemetryWriterTest {

    /** A store that records batches and can be made to fail or to hold a write until released. */
    static final class ScriptedStore implements TelemetryStore {
        final List<List<TelemetryPoint>> batches = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile CountDownLatch gate = new CountDownLatch(0);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();

        @Override
        public String kind() {
            return "scripted";
        }

        @Override
        public void write(List<TelemetryPoint> points) {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            if (failing) {
                throw new StoreUnavailableException("store is down");
            }
            batches.add(List.copyOf(points));
        }

        @Override
        public List<TelemetryPoint> query(TelemetryQuery query) {
            return List.of();
        }

        @Override
        public StoreHealth health() {
            return failing ? StoreHealth.down(kind(), "down") : StoreHealth.up(kind(), "up");
        }

        @Override
        public void close() {
        }
    }

    private static TelemetryPoint point(int i) {
        return new TelemetryPoint("d-1", "m", Instant.ofEpochMilli(1_000L * i), Map.of("x", MetricValue.of(i)));
    }

    @Test
    void aWriteCompletesOnlyAfterTheStoreTookIt() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.gate = new CountDownLatch(1);
        try (BatchingTelemetryWriter writer = new BatchingTelemetryWriter(store, GatewayMetrics.NOOP, 100, 10)) {
            Future<Void> write = writer.write(point(1));
            assertThat(write.isComplete()).isFalse();

            store.gate.countDown();
            write.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(store.batches).containsExactly(List.of(point(1)));
        }
    }

    @Test
    void whatArrivesDuringAWriteGoesIntoTheNextBatch() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.gate = new CountDownLatch(1);
        try (BatchingTelemetryWriter writer = new BatchingTelemetryWriter(store, GatewayMetrics.NOOP, 100, 50)) {
            List<Future<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                writes.add(writer.write(point(i)));
            }
            store.gate.countDown();
            Future.all(writes).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(store.batches.stream().mapToInt(List::size).sum()).isEqualTo(21);
            assertThat(store.batches.size()).as("batches for 21 points").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aStoreFailureFailsTheWritesItHeld() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.failing = true;
        try (BatchingTelemetryWriter writer = new BatchingTelemetryWriter(store, GatewayMetrics.NOOP, 100, 10)) {
            Future<Void> write = writer.write(point(1));
            CountDownLatch failed = new CountDownLatch(1);
            write.onFailure(e -> failed.countDown());

            assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(write.cause()).isInstanceOf(StoreUnavailableException.class);
            assertThat(writer.health().up()).isFalse();
        }
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        ScriptedStore store = new ScriptedStore();
        store.gate = new CountDownLatch(1);
        try (BatchingTelemetryWriter writer = new BatchingTelemetryWriter(store, GatewayMetrics.NOOP, 2, 1)) {
            List<Future<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                writes.add(writer.write(point(i)));
            }
            assertThat(writes).anySatisfy(w -> assertThat(w.cause()).isInstanceOf(WriterOverloadedException.class));
            store.gate.countDown();
        }
    }

    @Test
    void severalWritersKeepBatchesInFlightTogetherAndEachPointWaitsForItsOwnBatch() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.gate = new CountDownLatch(1);
        try (BatchingTelemetryWriter writer = new BatchingTelemetryWriter(store, GatewayMetrics.NOOP, 100, 1, 3)) {
            List<Future<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                writes.add(writer.write(point(i)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> store.inside.get() == 3);
            assertThat(writes).noneMatch(Future::isComplete);

            store.gate.countDown();
            Future.all(writes).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(store.mostInside.get()).isEqualTo(3);
            assertThat(store.batches).hasSize(3);
        }
    }
}
