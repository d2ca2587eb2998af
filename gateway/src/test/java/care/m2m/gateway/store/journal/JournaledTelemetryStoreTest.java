package care.m2m.gateway.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.StoreHealth;
import care.m2m.gateway.store.StoreRejectedException;
import care.m2m.gateway.store.StoreUnavailableException;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.store.embedded.EmbeddedTelemetryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal in front of a real (embedded) store: points written reach the store behind it; while that store
 * refuses writes the journal keeps accepting, and what it holds at shutdown is forwarded after the next open;
 * while it takes writes but lags, writers wait for it.
 */
@Timeout(60)
class JournaledTelemetryStoreTest {

    private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final long SEGMENT_BYTES = 4 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void pointsReachTheStoreBehindItWithEveryKindOfValue() {
        try (JournaledTelemetryStore journaled = open(new Outage(new EmbeddedTelemetryStore(dataDir)))) {
            List<TelemetryPoint> written = points("washer-1", 0, 40);
            for (int i = 0; i < written.size(); i += 8) {
                journaled.write(written.subList(i, i + 8));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> query(journaled, "washer-1").size() == 40);
            assertThat(query(journaled, "washer-1")).isEqualTo(written);
            await().atMost(Duration.ofSeconds(5)).until(() -> journaled.backlogBytes() == 0);
        }
    }

    @Test
    void anOutageIsHeldInTheJournalAndForwardedAfterARestart() {
        Outage down = new Outage(new EmbeddedTelemetryStore(dataDir));
        down.refusing = true;
        List<TelemetryPoint> written = points("heatpump-7", 0, 300);
        try (JournaledTelemetryStore journaled = open(down)) {
            for (int i = 0; i < written.size(); i += 10) {
                journaled.write(written.subList(i, i + 10));
            }
            StoreHealth health = journaled.health();
            assertThat(health.up()).isTrue();
            assertThat(health.detail()).contains("bytes waiting for embedded").contains("last forward failure");
            assertThat(journaled.backlogBytes()).isPositive();
        }
        try (JournaledTelemetryStore journaled = open(new Outage(new EmbeddedTelemetryStore(dataDir)))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> query(journaled, "heatpump-7").size() == 300);
            assertThat(query(journaled, "heatpump-7")).isEqualTo(written);
            await().atMost(Duration.ofSeconds(5)).until(() -> journaled.backlogBytes() == 0);
        }
    }

    @Test
    void theStoreComingBackDuringTheRunGetsEverythingWithoutARestart() {
        Outage flaky = new Outage(new EmbeddedTelemetryStore(dataDir));
        flaky.refusing = true;
        try (JournaledTelemetryStore journaled = open(flaky)) {
            List<TelemetryPoint> written = points("charger-3", 0, 100);
            for (int i = 0; i < written.size(); i += 5) {
                journaled.write(written.subList(i, i + 5));
            }
            flaky.refusing = false;
            await().atMost(Duration.ofSeconds(20)).until(() -> query(journaled, "charger-3").size() == 100);
            assertThat(query(journaled, "charger-3")).isEqualTo(written);
        }
    }

    @Test
    void aStoreThatTakesWritesButLagsSlowsTheWritesDown() throws Exception {
        Outage slow = new Outage(new EmbeddedTelemetryStore(dataDir));
        slow.gate = new CountDownLatch(1);
        try (JournaledTelemetryStore journaled = JournaledTelemetryStore.open(slow, dataDir.resolve("journal"),
                MAX_BYTES, SEGMENT_BYTES, 50, Duration.ofMillis(300), 2_000)) {
            List<TelemetryPoint> written = points("boiler-9", 0, 200);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < written.size(); i += 10) {
                    journaled.write(written.subList(i, i + 10));
                }
            });
            // the forwarder holds its first batch at the closed gate; the backlog passes 2,000 bytes and writes wait
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !writing.isDone());
            assertThat(journaled.backlogBytes()).isBetween(2_000L, 20_000L);
            slow.gate.countDown();
            writing.get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> query(journaled, "boiler-9").size() == 200);
        }
    }

    @Test
    void aPointTheStoreRefusesAsSuchIsSetAsideAndTheRestIsStored() throws Exception {
        Outage picky = new Outage(new EmbeddedTelemetryStore(dataDir));
        picky.refusedMode = "poison";
        List<TelemetryPoint> written = new ArrayList<>(points("dryer-2", 0, 40));
        Map<String, MetricValue> poison = new LinkedHashMap<>(written.get(17).values());
        poison.put("mode", MetricValue.of("poison"));
        TelemetryPoint bad = new TelemetryPoint("dryer-2", "model-x", written.get(17).timestamp(), poison);
        written.set(17, bad);
        try (JournaledTelemetryStore journaled = open(picky)) {
            for (int i = 0; i < written.size(); i += 20) {
                journaled.write(written.subList(i, i + 20));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> query(journaled, "dryer-2").size() == 39);
            await().atMost(Duration.ofSeconds(5)).until(() -> journaled.backlogBytes() == 0);
            assertThat(query(journaled, "dryer-2")).doesNotContain(bad).hasSize(39);
            assertThat(journaled.rejectedPoints()).isOne();
            assertThat(journaled.health().detail()).contains("1 refused points set aside");
        }
        List<String> setAside = Files.readAllLines(dataDir.resolve("journal").resolve(JournaledTelemetryStore.REJECTED));
        assertThat(setAside).hasSize(1);
        assertThat(setAside.getFirst()).contains("\"device\":\"dryer-2\"").contains("poison")
                .contains(bad.timestamp().toString());
    }

    @Test
    void writesDoNotWaitForAStoreThatRefuses() throws Exception {
        Outage down = new Outage(new EmbeddedTelemetryStore(dataDir));
        down.refusing = true;
        try (JournaledTelemetryStore journaled = JournaledTelemetryStore.open(down, dataDir.resolve("journal"),
                MAX_BYTES, SEGMENT_BYTES, 50, Duration.ofMillis(300), 2_000)) {
            List<TelemetryPoint> written = points("oven-1", 0, 300);
            journaled.write(written.subList(0, 10));
            await().atMost(Duration.ofSeconds(5)).until(() -> journaled.health().detail().contains("last forward failure"));
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 10; i < written.size(); i += 10) {
                    journaled.write(written.subList(i, i + 10));
                }
            });
            writing.get(10, TimeUnit.SECONDS);
            assertThat(journaled.backlogBytes()).isGreaterThan(2_000);
        }
    }

    @Test
    void tinySegmentsAndASmallMemoryCacheLoseNothing() throws Exception {
        Counting behind = new Counting(new EmbeddedTelemetryStore(dataDir));
        List<TelemetryPoint> written = points("meter-5", 0, 2_000);
        // 300-byte segments roll on nearly every append, and 5-point batches leave a memory cache of 20 points,
        // so the forwarder keeps crossing segment ends and reading records back from the files
        try (JournaledTelemetryStore journaled = JournaledTelemetryStore.open(behind, dataDir.resolve("journal"),
                MAX_BYTES, 300, 5, Duration.ofMillis(300), JournaledTelemetryStore.DEFAULT_LAG_BYTES)) {
            for (int i = 0; i < written.size(); i += 5) {
                journaled.write(written.subList(i, i + 5));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> journaled.backlogBytes() == 0);
            assertThat(query(journaled, "meter-5")).isEqualTo(written);
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".journal")).count())
                    .as("forwarded segments are deleted").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aRestartAfterEverythingWasForwardedSendsNothingAgain() {
        try (JournaledTelemetryStore journaled = open(new Outage(new EmbeddedTelemetryStore(dataDir)))) {
            journaled.write(points("kettle-4", 0, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> journaled.backlogBytes() == 0);
        }
        Counting behind = new Counting(new EmbeddedTelemetryStore(dataDir));
        try (JournaledTelemetryStore journaled = open(behind)) {
            assertThat(journaled.backlogBytes()).isZero();
            journaled.write(points("kettle-4", 100, 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> behind.points.get() == 1);
            assertThat(query(journaled, "kettle-4")).hasSize(101);
        }
    }

    @Test
    void aFullJournalRefusesWritesAndReportsItselfDown() {
        Outage down = new Outage(new EmbeddedTelemetryStore(dataDir));
        down.refusing = true;
        try (JournaledTelemetryStore journaled = JournaledTelemetryStore.open(down, dataDir.resolve("journal"),
                1024 * 1024, SEGMENT_BYTES, 50, Duration.ofMillis(300), JournaledTelemetryStore.DEFAULT_LAG_BYTES)) {
            int accepted = 0;
            StoreUnavailableException refused = null;
            for (int i = 0; refused == null && i < 100_000; i += 50) {
                try {
                    journaled.write(points("fridge-8", i, 50));
                    accepted += 50;
                } catch (StoreUnavailableException e) {
                    refused = e;
                }
            }
            assertThat(refused).isInstanceOf(JournalFullException.class).hasMessageContaining("retry later");
            assertThat(accepted).isPositive();
            assertThat(journaled.health().up()).isFalse();
            assertThat(journaled.health().detail()).contains("the journal is full");
        }
    }

    @Test
    void closeReturnsWhileTheStoreHangs() {
        Outage hung = new Outage(new EmbeddedTelemetryStore(dataDir));
        hung.gate = new CountDownLatch(1);
        JournaledTelemetryStore journaled = open(hung);
        journaled.write(points("pump-6", 0, 10));
        long start = System.nanoTime();
        journaled.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        hung.gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("m2mcare-journal-forwarder")));
    }

    private JournaledTelemetryStore open(TelemetryStore behind) {
        return JournaledTelemetryStore.open(behind, dataDir.resolve("journal"), MAX_BYTES, SEGMENT_BYTES, 50,
                Duration.ofMillis(300), JournaledTelemetryStore.DEFAULT_LAG_BYTES);
    }

    private static List<TelemetryPoint> query(TelemetryStore store, String device) {
        return store.query(new TelemetryQuery(device, START, START.plusSeconds(100_000), Set.of(), 10_000));
    }

    private static List<TelemetryPoint> points(String device, int from, int count) {
        List<TelemetryPoint> points = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, MetricValue> values = new LinkedHashMap<>();
            values.put("flow_temp_c", MetricValue.of(30.5 + i % 7));
            values.put("pump_on", MetricValue.of(i % 2 == 0));
            values.put("mode", MetricValue.of(i % 3 == 0 ? "heating" : "défrost"));
            points.add(new TelemetryPoint(device, "model-x", START.plusSeconds(i), values));
        }
        return points;
    }

    /**
     * The real store, refusing writes while {@link #refusing} is set, as InfluxDB does while it is down, or holding
     * them at a closed {@link #gate}, as a store slower than the devices does.
     */
    private static class Outage implements TelemetryStore {
        private final TelemetryStore store;
        volatile boolean refusing;
        /** When set, writes wait until it opens: a store that takes writes, slowly. */
        volatile CountDownLatch gate;
        /** A batch holding a point with this {@code mode} is refused as such, as InfluxDB refuses a type conflict. */
        volatile String refusedMode;

        Outage(TelemetryStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return store.kind();
        }

        @Override
        public void write(List<TelemetryPoint> points) {
            if (refusing) {
                throw new StoreUnavailableException("the store is down for this test");
            }
            String refused = refusedMode;
            if (refused != null && points.stream().anyMatch(p -> MetricValue.of(refused).equals(p.values().get("mode")))) {
                throw new StoreRejectedException("field type conflict for this test", null);
            }
            CountDownLatch closed = gate;
            if (closed != null) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException("interrupted");
                }
            }
            store.write(points);
        }

        @Override
        public List<TelemetryPoint> query(TelemetryQuery query) {
            return store.query(query);
        }

        @Override
        public StoreHealth health() {
            return refusing ? StoreHealth.down(kind(), "down for this test") : store.health();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** The real store, counting the points written to it. */
    private static final class Counting extends Outage {
        final AtomicLong points = new AtomicLong();

        Counting(TelemetryStore store) {
            super(store);
        }

        @Override
        public void write(List<TelemetryPoint> batch) {
            super.write(batch);
            points.addAndGet(batch.size());
        }
    }
}
