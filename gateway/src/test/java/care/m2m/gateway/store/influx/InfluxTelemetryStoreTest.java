package care.m2m.gateway.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.StoreHealth;
import care.m2m.gateway.store.StoreRejectedException;
import care.m2m.gateway.store.StoreUnavailableException;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.store.TelemetryStoreContract;
import care.m2m.testkit.InfluxServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The store contract against a real InfluxDB 1.x, plus what happens while InfluxDB is down. */
@Timeout(120)
class InfluxTelemetryStoreTest extends TelemetryStoreContract {

    private static final String DATABASE = "contract_" + Long.toString(System.nanoTime(), 36);

    private final InfluxServer influx = InfluxServer.shared();

    @Override
    protected TelemetryStore openStore() {
        return InfluxTelemetryStore.open(settings(DATABASE));
    }

    private InfluxSettings settings(String database) {
        return new InfluxSettings(influx.url(), database, null, null, null, Duration.ofSeconds(5));
    }

    @Test
    void storesOneFieldPerMetricTaggedWithDeviceAndModel() {
        String device = newDevice("kettle");
        store.write(List.of(point(device, T0, Map.of("water_temp_c", MetricValue.of(21.5),
                "heating", MetricValue.of(true), "state", MetricValue.of("idle")))));

        String raw = influx.query(DATABASE, "SELECT water_temp_c, heating, state FROM telemetry WHERE device = '"
                + device + "' AND model = '" + MODEL + "'");

        assertThat(raw).contains("21.5", "true", "\"idle\"");
    }

    @Test
    void numbersAndTextsThatNeedEscapingOrExponentsReadBackExactly() {
        String device = newDevice("kettle");
        Map<String, MetricValue> values = Map.of("big", MetricValue.of(1.0E10), "tiny", MetricValue.of(1.5E-7),
                "huge", MetricValue.of(Double.MAX_VALUE), "negative", MetricValue.of(-273.15),
                "whole", MetricValue.of(42), "text", MetricValue.of("say \"hi\", a=b c\\d"),
                "with space", MetricValue.of(true), "a,b=c", MetricValue.of(false));
        store.write(List.of(point(device, T0, values)));

        List<TelemetryPoint> read = store.query(new TelemetryQuery(device, T0, T0.plusSeconds(1), Set.of(), 10));

        assertThat(read).hasSize(1);
        assertThat(read.get(0).values()).isEqualTo(values);
    }

    @Test
    void reportsHealthDownAndRefusesWritesWhileInfluxDbIsDownThenRecovers() {
        String device = newDevice("kettle");
        influx.stop();
        try {
            StoreHealth health = store.health();
            assertThat(health.up()).isFalse();
            assertThat(health.detail()).contains(influx.url());
            assertThatThrownBy(() -> store.write(series(device, 0)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(influx.url());
        } finally {
            influx.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> store.health().up());
        store.write(series(device, 1));
        assertThat(timesOf(readAll(device))).containsExactly(T0.plusSeconds(1));
    }

    @Test
    void opensWhileInfluxDbIsDownAndCreatesTheDatabaseOnTheFirstWrite() {
        String database = "late_" + Long.toString(System.nanoTime(), 36);
        String device = newDevice("kettle");
        influx.stop();
        TelemetryStore late;
        try {
            late = InfluxTelemetryStore.open(settings(database));
            assertThat(late.health().up()).isFalse();
        } finally {
            influx.start();
        }

        try (late) {
            late.write(series(device, 0));

            assertThat(influx.query(database, "SELECT count(water_temp_c) FROM telemetry")).contains(",1]");
        }
    }

    @Test
    void refusesMetricNamesThatWouldCollideWithItsTags() {
        String device = newDevice("kettle");

        assertThatThrownBy(() -> store.write(List.of(point(device, T0, Map.of("model", MetricValue.of("x"))))))
                .isInstanceOf(StoreRejectedException.class)
                .hasMessageContaining(device)
                .hasMessageContaining("'model'");
    }

    @Test
    void aFieldTypeConflictIsARefusalOfThePointsNotAnOutage() {
        String device = newDevice("boiler");
        store.write(List.of(point(device, T0, Map.of("flow_temp_c", MetricValue.of(41.5)))));

        assertThatThrownBy(() -> store.write(List.of(point(device, T0.plusSeconds(1),
                Map.of("flow_temp_c", MetricValue.of("hot"))))))
                .isInstanceOf(StoreRejectedException.class)
                .hasMessageContaining("field type conflict");
    }

    @Test
    void neverPrintsThePassword() {
        InfluxSettings withPassword = new InfluxSettings(influx.url(), DATABASE, "gateway", "s3cret", null, null);

        assertThat(withPassword.toString()).doesNotContain("s3cret").contains("gateway");
        assertThat(withPassword.timeout()).isEqualTo(InfluxSettings.DEFAULT_TIMEOUT);
    }
}
