package care.m2m.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB stops while a device publishes: the device is told so (MQTT 5 PUBACK 0x80), nothing it sees
 * acknowledged is missing, and after InfluxDB is back the stored count equals the acknowledged count: no
 * message lost, none stored twice. The short form (in every test run) restarts InfluxDB after five refusals;
 * the long form, by hand with {@code -Dm2mcare.long=true}, keeps it down for 60 seconds while the device keeps
 * retrying, and prints the gateway's heap afterwards.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InfluxOutageTest {

    private static final int MESSAGES = 150;
    private static final int OUTAGE_AT = 60;
    private static final int UNSPECIFIED_ERROR = 0x80;
    private static final boolean LONG = Boolean.getBoolean("m2mcare.long");
    private static final long OUTAGE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** What a real device does between retries in the long form: back off (not a wait for a condition). */
    private static final long RETRY_BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedEqualsStoredAcrossAnInfluxOutage() throws Exception {
        InfluxServer influx = InfluxServer.shared();
        String database = "outage_" + Long.toString(System.nanoTime(), 36);
        int refusedDuringOutage = 0;
        long outageStart = 0;
        try (RunningGateway gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_INFLUX_URL", influx.url(),
                "M2MCARE_INFLUX_DATABASE", database, "M2MCARE_INFLUX_TIMEOUT_MS", "2000"))) {
            DeviceCredentials creds = gateway.register("heatpump-outage-1", "heatpump-air-w9");
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                for (int i = 0; i < MESSAGES; i++) {
                    if (i == OUTAGE_AT) {
                        influx.stop();
                        outageStart = System.nanoTime();
                    }
                    int code = device.publish(MessageType.TELEMETRY, payload(start, i));
                    while (code != 0) {
                        assertThat(code).isEqualTo(UNSPECIFIED_ERROR);
                        refusedDuringOutage++;
                        boolean over = LONG ? System.nanoTime() - outageStart > OUTAGE_NANOS : refusedDuringOutage == 5;
                        if (over && !influx.isRunning()) {
                            influx.start();
                        }
                        if (LONG) {
                            LockSupport.parkNanos(RETRY_BACK_OFF_NANOS);
                        }
                        code = device.publish(MessageType.TELEMETRY, payload(start, i));
                    }
                }
            } finally {
                if (!influx.isRunning()) {
                    influx.start();
                }
            }
            assertThat(refusedDuringOutage).isGreaterThanOrEqualTo(5);
            if (LONG) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("InfluxDB outage long form: %d refusals, heap used after GC %d MiB%n",
                        refusedDuringOutage, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            }
            assertThat(gateway.metric("m2mcare_telemetry_rejected_total", "reason=\"store_unavailable\""))
                    .isEqualTo(refusedDuringOutage);
        }
        String count = influx.query(database, "SELECT count(flow_temp_c) FROM telemetry");
        assertThat(count).contains("[\"1970-01-01T00:00:00Z\"," + MESSAGES + "]");
    }

    private static String payload(Instant start, int i) {
        return "{\"v\":1,\"ts\":%d,\"metrics\":{\"flow_temp_c\":%d.5}}".formatted(start.plusSeconds(i).toEpochMilli(), 30 + i % 10);
    }
}
