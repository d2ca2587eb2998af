package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.devices.DevicePsks;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
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
 * CoAP over DTLS 1.2 with pre-shared keys: the PSK identity is the device id and the key comes from the
 * registration response; a wrong key, an unknown identity or a deleted device fail the handshake, and an
 * authenticated device may not post for another one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoapDtlsTest {

    private static final String MODEL = "washer-front-w7";

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private String uri(String deviceId) {
        return gateway.coapsUrl() + "/m2m/v1/" + deviceId + "/telemetry";
    }

    private static byte[] cbor(int rpm) throws Exception {
        return new CBORMapper().writeValueAsBytes(Map.of("v", 1, "metrics", Map.of("drum_rpm", rpm, "phase", "spin")));
    }

    @Test
    void aDeviceWithItsPskStoresTelemetryWithoutAToken() throws Exception {
        DeviceCredentials creds = gateway.register("washer-dtls-0001", MODEL);
        assertThat(creds.psk()).hasSize(32);

        try (CoapTestDevice device = CoapTestDevice.dtls(creds.id(), creds.psk())) {
            CoapResponse response = device.post(uri(creds.id()), cbor(1400), 60, true);
            assertThat(response).isNotNull();
            assertThat(response.getCode()).as(response.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        }

        JsonObject values = gateway.telemetry(creds.id()).getJsonArray("points").getJsonObject(0).getJsonObject("values");
        assertThat(values.getMap()).containsOnly(Map.entry("drum_rpm", 1400.0), Map.entry("phase", "spin"));
    }

    @Test
    void theKeySurvivesARestartBecauseTheMasterKeyIsKept() throws Exception {
        DeviceCredentials creds = gateway.register("washer-dtls-0002", MODEL);
        gateway.restart();

        try (CoapTestDevice device = CoapTestDevice.dtls(creds.id(), creds.psk())) {
            assertThat(device.post(uri(creds.id()), cbor(800), 60, true).getCode()).isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(dataDir.resolve(DevicePsks.FILE_NAME)).isReadable();
    }

    @Test
    void aWrongPskFailsTheHandshake() throws Exception {
        DeviceCredentials creds = gateway.register("washer-dtls-0003", MODEL);

        try (CoapTestDevice device = CoapTestDevice.dtls(creds.id(), "A".repeat(32))) {
            assertThat(device.post(uri(creds.id()), cbor(1000), 60, true)).isNull();
        }
        assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).isEmpty();
    }

    @Test
    void anUnknownIdentityFailsTheHandshakeAndIsCounted() throws Exception {
        DeviceCredentials creds = gateway.register("washer-dtls-0004", MODEL);

        try (CoapTestDevice device = CoapTestDevice.dtls("washer-unknown-0001", creds.psk())) {
            assertThat(device.post(uri("washer-unknown-0001"), cbor(1000), 60, true)).isNull();
        }
        assertThat(gateway.metric("m2mcare_connections_refused_total", "transport=\"coap\"",
                "reason=\"unknown_psk_identity\"")).as("each handshake attempt (the client may retransmit) is counted")
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aDeletedDeviceLosesItsPsk() throws Exception {
        DeviceCredentials creds = gateway.register("washer-dtls-0005", MODEL);
        int deleted = gateway.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(gateway.httpUrl() + "/api/v1/admin/devices/" + creds.id()))
                .header("Authorization", "Bearer " + RunningGateway.ADMIN_TOKEN).DELETE().build()).statusCode();
        assertThat(deleted).isBetween(200, 204);

        try (CoapTestDevice device = CoapTestDevice.dtls(creds.id(), creds.psk())) {
            assertThat(device.post(uri(creds.id()), cbor(1000), 60, true)).isNull();
        }
    }

    @Test
    void anAuthenticatedDevicePostingForAnotherDeviceGets403() throws Exception {
        DeviceCredentials mine = gateway.register("washer-dtls-0006", MODEL);
        DeviceCredentials other = gateway.register("washer-dtls-0007", MODEL);

        try (CoapTestDevice device = CoapTestDevice.dtls(mine.id(), mine.psk())) {
            CoapResponse response = device.post(uri(other.id()), cbor(1000), 60, true);
            assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
            assertThat(response.getResponseText()).contains(mine.id(), other.id());
        }
        assertThat(gateway.metric("m2mcare_telemetry_rejected_total", "transport=\"coap\"", "reason=\"foreign_topic\""))
                .isEqualTo(1.0);
        assertThat(gateway.telemetry(other.id()).getJsonArray("points")).isEmpty();
    }
}
