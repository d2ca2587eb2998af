package care.m2m.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.MetricValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TelemetryStore} promises, run against each implementation by a subclass. Each test uses
 * device ids of its own, so that a store shared by the tests of a class (one InfluxDB database) works too.
 */
public abstract class TelemetryStoreContract {

    protected static final String MODEL = "kettle-k2";
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final AtomicInteger DEVICES = new AtomicInteger();

    protected TelemetryStore store;

    /** A store over this test's data; called again to reopen it, so it must find what the last one wrote. */
    protected abstract TelemetryStore openStore();

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Test
    void givesBackExactlyTheNumbersBooleansAndTextsItWasGiven() {
        String device = newDevice("kettle");
        Map<String, MetricValue> values = Map.of(
                "water_temp_c", MetricValue.of(21.5),
                "whole", MetricValue.of(22.0),
                "tiny", MetricValue.of(1.0E-12),
                "precise", MetricValue.of(123456789.123456),
                "negative", MetricValue.of(-40.25),
                "heating", MetricValue.of(true),
                "descaling", MetricValue.of(false),
                "state", MetricValue.of("brewing \"strong\" \\ ☕\nsecond line"));

        store.write(List.of(point(device, T0, values)));

        assertThat(readAll(device)).containsExactly(point(device, T0, values));
    }

    @Test
    void readsFromInclusiveAndToExclusive() {
        String device = newDevice("kettle");
        store.write(series(device, 0, 1, 2, 3));

        List<TelemetryPoint> read = store.query(new TelemetryQuery(device, T0.plusSeconds(1), T0.plusSeconds(3), Set.of(), 100));

        assertThat(timesOf(read)).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
    }

    @Test
    void treatsBoundsBetweenMillisecondsExactly() {
        String device = newDevice("kettle");
        store.write(series(device, 0, 1));

        List<TelemetryPoint> read = store.query(new TelemetryQuery(device,
                T0.minusNanos(500_000), T0.plusSeconds(1).plusNanos(1), Set.of(), 100));

        assertThat(timesOf(read)).containsExactly(T0, T0.plusSeconds(1));
    }

    @Test
    void returnsOnlyTheNamedMetricsAndSkipsPointsWithoutThem() {
        String device = newDevice("kettle");
        store.write(List.of(
                point(device, T0, Map.of("water_temp_c", MetricValue.of(20.0), "state", MetricValue.of("idle"))),
                point(device, T0.plusSeconds(1), Map.of("state", MetricValue.of("heating"))),
                point(device, T0.plusSeconds(2), Map.of("water_temp_c", MetricValue.of(60.0), "power_w", MetricValue.of(2000.0)))));

        List<TelemetryPoint> read = store.query(new TelemetryQuery(device, T0, T0.plusSeconds(10), Set.of("water_temp_c"), 100));

        assertThat(read).containsExactly(
                point(device, T0, Map.of("water_temp_c", MetricValue.of(20.0))),
                point(device, T0.plusSeconds(2), Map.of("water_temp_c", MetricValue.of(60.0))));
    }

    @Test
    void returnsAtMostLimitPointsTheOldestFirst() {
        String device = newDevice("kettle");
        store.write(series(device, 0, 1, 2, 3, 4));

        List<TelemetryPoint> read = store.query(new TelemetryQuery(device, T0, T0.plusSeconds(10), Set.of(), 3));

        assertThat(timesOf(read)).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
    }

    @Test
    void ordersPointsByTimeWhateverTheWriteOrder() {
        String device = newDevice("kettle");
        store.write(series(device, 3, 0, 2));
        store.write(series(device, 1));

        assertThat(timesOf(readAll(device)))
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
    }

    @Test
    void keepsDevicesApartEvenWhenOneIdIsAPrefixOfAnother() {
        String device = newDevice("kettle");
        String longer = device + "0";
        store.write(List.of(
                point(device, T0, Map.of("water_temp_c", MetricValue.of(1.0))),
                point(longer, T0, Map.of("water_temp_c", MetricValue.of(2.0)))));

        assertThat(readAll(device)).containsExactly(point(device, T0, Map.of("water_temp_c", MetricValue.of(1.0))));
        assertThat(readAll(longer)).containsExactly(point(longer, T0, Map.of("water_temp_c", MetricValue.of(2.0))));
    }

    @Test
    void acceptsDeviceIdsWithDotsAndDashes() {
        String device = newDevice("site-3.floor_2.kettle-a");
        store.write(series(device, 0));

        assertThat(readAll(device)).hasSize(1).allSatisfy(p -> assertThat(p.deviceId()).isEqualTo(device));
    }

    @Test
    void keepsOneCopyOfAPointWrittenTwice() {
        String device = newDevice("kettle");
        TelemetryPoint reading = point(device, T0, Map.of("water_temp_c", MetricValue.of(80.0)));

        store.write(List.of(reading));
        store.write(List.of(reading, reading));

        assertThat(readAll(device)).containsExactly(reading);
    }

    @Test
    void keepsWhatItWroteAcrossACloseAndReopen() {
        String device = newDevice("kettle");
        store.write(series(device, 0, 1, 2));

        store.close();
        store = openStore();

        assertThat(timesOf(readAll(device))).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
    }

    @Test
    void findsNothingForADeviceThatNeverReported() {
        assertThat(readAll(newDevice("never-seen"))).isEmpty();
    }

    @Test
    void takesAnEmptyBatchWithoutComplaint() {
        store.write(List.of());
    }

    @Test
    void reportsItselfHealthy() {
        StoreHealth health = store.health();

        assertThat(health.up()).as(health.detail()).isTrue();
        assertThat(health.kind()).isEqualTo(store.kind());
    }

    /** A device id no other test uses. */
    protected static String newDevice(String prefix) {
        return prefix + "-" + DEVICES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    protected static TelemetryPoint point(String device, Instant at, Map<String, MetricValue> values) {
        return new TelemetryPoint(device, MODEL, at, values);
    }

    /** One point per given second after {@link #T0}, its value the second. */
    protected static List<TelemetryPoint> series(String device, int... seconds) {
        List<TelemetryPoint> points = new ArrayList<>();
        for (int second : seconds) {
            points.add(point(device, T0.plusSeconds(second), Map.of("water_temp_c", MetricValue.of(second))));
        }
        return points;
    }

    protected List<TelemetryPoint> readAll(String device) {
        return store.query(new TelemetryQuery(device, T0.minusSeconds(3600), T0.plusSeconds(3600), Set.of(),
                TelemetryQuery.MAX_LIMIT));
    }

    protected static List<Instant> timesOf(List<TelemetryPoint> points) {
        return points.stream().map(TelemetryPoint::timestamp).toList();
    }
}
