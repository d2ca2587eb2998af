package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.Commands;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.vertx.core.json.JsonArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CoAP client nobody here wrote, libcoap's {@code coap-client-openssl} (Debian's {@code libcoap3-bin}),
 * posts CBOR telemetry over plain CoAP with a token and over DTLS with the PSK exactly as the registration
 * response gives it, and the gateway stores both.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoapLibcoapInteropTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    private RunningGateway gateway;
    private String coapClient;

    @BeforeEach
    void startGateway() {
        coapClient = findCoapClient();
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    /** The binary Debian's libcoap3-bin installs; the README's test set-up installs the package. */
    private static String findCoapClient() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "coap-client-openssl"))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(
                        "coap-client-openssl not found: install Debian's libcoap3-bin (scripts/install-test-servers.sh)"));
    }

    private Path cborFile(int rpm) throws Exception {
        Path file = work.resolve("telemetry-" + rpm + ".cbor");
        Files.write(file, new CBORMapper().writeValueAsBytes(
                Map.of("v", 1, "metrics", Map.of("drum_rpm", rpm, "phase", "spin"))));
        return file;
    }

    private Commands.Result post(Path payload, String uri, String... extra) {
        List<String> command = new ArrayList<>(List.of(coapClient, "-m", "post", "-t", "60", "-f",
                payload.toString(), "-B", "10"));
        command.addAll(List.of(extra));
        command.add(uri);
        return Commands.run(command, work, COMMAND_TIMEOUT);
    }

    @Test
    void plainCoapWithATokenIsStored() throws Exception {
        DeviceCredentials creds = gateway.register("washer-libcoap-0001", "washer-front-w7");

        Commands.Result result = post(cborFile(1100), gateway.coapUrl() + "/m2m/v1/" + creds.id() + "/telemetry?token="
                + creds.secret());

        assertThat(result.succeeded()).as(result.output()).isTrue();
        JsonArray points = gateway.telemetry(creds.id()).getJsonArray("points");
        assertThat(points).hasSize(1);
        assertThat(points.getJsonObject(0).getJsonObject("values").getDouble("drum_rpm")).isEqualTo(1100.0);
    }

    @Test
    void dtlsWithThePskFromTheRegistrationIsStored() throws Exception {
        DeviceCredentials creds = gateway.register("washer-libcoap-0002", "washer-front-w7");

        Commands.Result result = post(cborFile(1300), gateway.coapsUrl() + "/m2m/v1/" + creds.id() + "/telemetry",
                "-u", creds.id(), "-k", creds.psk());

        assertThat(result.succeeded()).as(result.output()).isTrue();
        JsonArray points = gateway.telemetry(creds.id()).getJsonArray("points");
        assertThat(points).as(result.output()).hasSize(1);
        assertThat(points.getJsonObject(0).getJsonObject("values").getDouble("drum_rpm")).isEqualTo(1300.0);
    }

    @Test
    void aWrongTokenShowsTheDiagnostic() throws Exception {
        DeviceCredentials creds = gateway.register("washer-libcoap-0003", "washer-front-w7");

        Commands.Result result = post(cborFile(900), gateway.coapUrl() + "/m2m/v1/" + creds.id()
                + "/telemetry?token=wrong");

        assertThat(result.output()).contains("4.01", "token");
        assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).isEmpty();
    }
}
