package care.m2m.gateway.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.store.StoreUnavailableException;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.store.TelemetryStoreContract;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the embedded H2 store, plus its promise to survive a killed process. */
@Timeout(120)
class EmbeddedTelemetryStoreTest extends TelemetryStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected TelemetryStore openStore() {
        return new EmbeddedTelemetryStore(dataDir);
    }

    @Test
    void keepsEveryBatchItAcknowledgedWhenTheProcessIsKilled() throws Exception {
        int killAfter = 25;
        store.close(); // H2 locks its file: the child must be the only writer
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedStoreWriterProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        int acknowledged = -1;
        StringBuilder otherOutput = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(EmbeddedStoreWriterProcess.WROTE)) {
                    acknowledged = Integer.parseInt(line.substring(EmbeddedStoreWriterProcess.WROTE.length()).trim());
                    if (acknowledged >= killAfter) {
                        child.destroyForcibly();
                        break;
                    }
                } else {
                    otherOutput.append(line).append('\n');
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("batches the child reported before it was killed; its other output:%n%s", otherOutput).isGreaterThanOrEqualTo(killAfter);

        store = openStore();

        var read = store.query(new TelemetryQuery(EmbeddedStoreWriterProcess.DEVICE, Instant.EPOCH,
                EmbeddedStoreWriterProcess.timeOf(acknowledged + 1, 0), Set.of(), TelemetryQuery.MAX_LIMIT));
        assertThat(timesOf(read)).as("every point of batches 1..%d", acknowledged)
                .hasSize(acknowledged * EmbeddedStoreWriterProcess.POINTS_PER_BATCH)
                .startsWith(EmbeddedStoreWriterProcess.timeOf(1, 0))
                .endsWith(EmbeddedStoreWriterProcess.timeOf(acknowledged, EmbeddedStoreWriterProcess.POINTS_PER_BATCH - 1));
    }

    @Test
    void refusesWritesOnceClosed() {
        store.close();

        assertThatThrownBy(() -> store.write(series(newDevice("kettle"), 0)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("closed");
        assertThat(store.health().up()).isFalse();
    }

    @Test
    void roundsSubMillisecondBoundsUp() {
        assertThat(EmbeddedTelemetryStore.ceilMillis(Instant.ofEpochMilli(5))).isEqualTo(5);
        assertThat(EmbeddedTelemetryStore.ceilMillis(Instant.ofEpochMilli(5).plusNanos(1))).isEqualTo(6);
        assertThat(EmbeddedTelemetryStore.ceilMillis(Instant.ofEpochMilli(0).minusNanos(500_000))).isEqualTo(0);
        assertThat(EmbeddedTelemetryStore.ceilMillis(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(EmbeddedTelemetryStore.ceilMillis(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    }
}
