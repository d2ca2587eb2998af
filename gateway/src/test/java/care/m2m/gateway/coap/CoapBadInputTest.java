package care.m2m.gateway.coap;

import static care.m2m.gateway.coap.CoapTelemetryIngestTest.uri;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a CoAP request can be wrong gets its own response code, a diagnostic payload saying what was
 * expected, and a count by reason; nothing wrong is stored.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoapBadInputTest {

    private static final String MODEL = "coffee-espresso-x1";

    @TempDir
    static Path dataDir;
    private static RunningGateway gateway;
    private static DeviceCredentials creds;
    private static CoapTestDevice device;

    @BeforeAll
    static void startGateway() {
        gateway = RunningGateway.embedded(dataDir);
        creds = gateway.register("espresso-bad-0001", MODEL);
        device = CoapTestDevice.plain();
    }

    @AfterAll
    static void stopGateway() {
        device.close();
        gateway.close();
    }

    private static String telemetryUri() {
        return uri(gateway, creds, MessageType.TELEMETRY);
    }

    @Test
    void brokenJsonIsA400NamingTheProblemAndCountedByReason() {
        CoapResponse response = device.post(telemetryUri(), "{\"v\":1,\"metrics\":{\"boiler_temp_c\":");

        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
        assertThat(response.getResponseText()).contains("malformed_payload");
        assertThat(gateway.metric("m2mcare_telemetry_rejected_total", "transport=\"coap\"",
                "reason=\"malformed_payload\"")).isEqualTo(1.0);
    }

    @Test
    void aValueOutsideTheModelIsA400NamingTheField() {
        CoapResponse response = device.post(telemetryUri(), "{\"v\":1,\"metrics\":{\"boiler_temp_c\":\"hot\"}}");

        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(response.getResponseText()).contains("boiler_temp_c");
    }

    @Test
    void anUnsupportedContentFormatIsA415() {
        CoapResponse response = device.post(telemetryUri(), "v=1".getBytes(StandardCharsets.UTF_8),
                MediaTypeRegistry.TEXT_PLAIN, true);

        assertThat(response.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(response.getResponseText()).contains("50 (application/json) or 60 (application/cbor)", "got 0");
        assertThat(gateway.metric("m2mcare_packets_rejected_total", "transport=\"coap\"",
                "reason=\"unsupported_encoding\"")).isEqualTo(1.0);
    }

    @Test
    void aWrongOrMissingTokenIsA401() {
        String base = gateway.coapUrl() + "/m2m/v1/" + creds.id() + "/telemetry";
        String json = "{\"v\":1,\"metrics\":{\"boiler_temp_c\":90.0}}";

        CoapResponse wrong = device.post(base + "?token=not-the-secret", json);
        CoapResponse missing = device.post(base, json);
        CoapResponse unknown = device.post(gateway.coapUrl() + "/m2m/v1/nobody-0001/telemetry?token=x", json);

        assertThat(wrong.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(missing.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(missing.getResponseText()).contains("token");
        assertThat(unknown.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "transport=\"coap\"", "reason=\"bad_secret\""))
                .isEqualTo(1.0);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "transport=\"coap\"", "reason=\"missing_token\""))
                .isEqualTo(1.0);
    }

    @Test
    void postingToADownlinkResourceIsA403() {
        CoapResponse response = device.post(uri(gateway, creds, MessageType.COMMANDS),
                "{\"v\":1,\"metrics\":{\"boiler_temp_c\":90.0}}");

        assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(response.getResponseText()).contains("commands");
    }

    @Test
    void anUnknownPathIsA404AndCounted() {
        CoapResponse response = device.post(gateway.coapUrl() + "/m2m/v1/" + creds.id() + "/status?token="
                + creds.secret(), "{}");

        assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(gateway.metric("m2mcare_packets_rejected_total", "transport=\"coap\"", "reason=\"unknown_path\""))
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aBodyLargerThanTheLimitIsA413() {
        String padding = "p".repeat(20 * 1024);
        CoapResponse response = device.post(telemetryUri(), "{\"v\":1,\"fw\":\"" + padding + "\",\"metrics\":{}}");

        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(response.getOptions().getSize1()).isEqualTo(16 * 1024);
        assertThat(gateway.metric("m2mcare_packets_rejected_total", "transport=\"coap\"",
                "reason=\"payload_too_large\"")).isGreaterThanOrEqualTo(1.0);
        assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).isEmpty();
    }
}
