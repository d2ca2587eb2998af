package care.m2m.gateway.store.embedded;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.TelemetryPoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of the kill test: writes numbered batches to the embedded store forever and prints
 * {@code WROTE n} after the write of batch n returned, which is the moment the gateway would acknowledge it.
 */
public final class EmbeddedStoreWriterProcess {

    static final String WROTE = "WROTE ";
    static final String DEVICE = "crash-test.kettle-1";
    static final int POINTS_PER_BATCH = 50;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private EmbeddedStoreWriterProcess() {
    }

    public static void main(String[] args) {
        EmbeddedTelemetryStore store = new EmbeddedTelemetryStore(Path.of(args[0]));
        for (int batch = 1; ; batch++) {
            List<TelemetryPoint> points = new ArrayList<>(POINTS_PER_BATCH);
            for (int i = 0; i < POINTS_PER_BATCH; i++) {
                points.add(new TelemetryPoint(DEVICE, "kettle-k2", timeOf(batch, i), Map.of(
                        "water_temp_c", MetricValue.of(batch + i / 100.0),
                        "heating", MetricValue.of(i % 2 == 0),
                        "state", MetricValue.of("batch " + batch))));
            }
            store.write(points);
            System.out.println(WROTE + batch);
            System.out.flush();
        }
    }

    /** When point {@code index} of batch {@code batch} was measured: one millisecond apart, batches in order. */
    static Instant timeOf(int batch, int index) {
        return START.plusMillis((long) batch * POINTS_PER_BATCH + index);
    }
}
