package care.m2m.gateway.coap;

import static care.m2m.gateway.coap.CoapTelemetryIngestTest.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * While InfluxDB is down a CoAP device is told 5.03 with Max-Age (retry later) instead of 2.04, and nothing
 * it was told 2.04 for is lost; once InfluxDB is back the same message is accepted.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CoapStoreOutageTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = RunningGateway.with(dataDir, Map.of(
                "M2MCARE_INFLUX_URL", InfluxServer.shared().url(),
                "M2MCARE_INFLUX_DATABASE", "m2mcare_coap_" + Long.toString(System.nanoTime(), 36),
                "M2MCARE_INFLUX_TIMEOUT_MS", "2000"));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
        InfluxServer.shared().start();
    }

    @Test
    void anUnavailableStoreIsA503WithMaxAgeThenA204AfterRecovery() {
        DeviceCredentials creds = gateway.register("heatpump-coap-0001", "heatpump-air-w9");
        String json = "{\"v\":1,\"metrics\":{\"flow_temp_c\":41.5,\"defrost_active\":false}}";

        try (CoapTestDevice device = CoapTestDevice.plain()) {
            InfluxServer.shared().stop();
            CoapResponse refused = device.post(uri(gateway, creds, MessageType.TELEMETRY), json);
            assertThat(refused).isNotNull();
            assertThat(refused.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
            assertThat(refused.getOptions().getMaxAge()).isEqualTo(CoapResponseCodes.RETRY_AFTER_SECONDS);
            assertThat(gateway.metric("m2mcare_telemetry_rejected_total", "transport=\"coap\"",
                    "reason=\"store_unavailable\"")).isEqualTo(1.0);

            InfluxServer.shared().start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                CoapResponse retried = device.post(uri(gateway, creds, MessageType.TELEMETRY), json);
                return retried != null && retried.getCode() == ResponseCode.CHANGED;
            });
        }

        assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).hasSize(1);
    }
}
