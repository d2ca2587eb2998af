package care.m2m.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.app.GatewayApp;
import care.m2m.gateway.config.ConfigLoader;
import care.m2m.sim.cli.SimCommand;
import care.m2m.testkit.MosquittoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code device-sim load} against real servers: Mosquitto, and the gateway with its own authentication, where every
 * message the generator saw acknowledged must be stored.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoadCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "load-test-admin-token";

    @TempDir
    Path dir;

    @Test
    void saturatesMosquittoAndReportsRateLatencyAndItsOwnCpu() throws Exception {
        MosquittoServer mosquitto = MosquittoServer.shared();
        Path json = dir.resolve("mosquitto.json");

        int exit = run("load", "--target", "mosquitto", "--mqtt-url", mosquitto.url(), "--devices", "20",
                "--warmup", "1s", "--duration", "2s", "--json", json.toString());

        JsonNode result = JSON.readTree(json.toFile());
        assertThat(exit).isZero();
        assertThat(result.get("connected").asInt()).isEqualTo(20);
        assertThat(result.get("acked").asLong()).isEqualTo(result.get("sent").asLong()).isPositive();
        assertThat(result.get("ackedPerSecond").asDouble()).isPositive();
        assertThat(result.at("/latencyMs/count").asLong()).isPositive();
        assertThat(result.at("/latencyMs/p99").asDouble()).isGreaterThanOrEqualTo(result.at("/latencyMs/p50").asDouble());
        assertThat(result.get("perSecond")).as("one count per second of the window").hasSize(2);
        assertThat(result.get("p99PerSecondMs")).as("one p99 per second of the window").hasSize(2)
                .allSatisfy(p99 -> assertThat(p99.asDouble()).isPositive()
                        .isLessThanOrEqualTo(result.at("/latencyMs/max").asDouble()));
        assertThat(result.get("servers").findValuesAsText("name")).contains(LoadResult.GENERATOR);
    }

    @Test
    void everyMessageTheGatewayAcknowledgedIsStoredAndTheOfferedRateIsHeld() throws Exception {
        GatewayApp gateway = GatewayApp.start(ConfigLoader.from(Map.of(
                "M2MCARE_DATA_DIR", dir.resolve("gateway").toString(), "M2MCARE_HOST", "127.0.0.1",
                "M2MCARE_MQTT_PORT", "0", "M2MCARE_HTTP_PORT", "0", "M2MCARE_COAP_ENABLED", "false",
                "M2MCARE_ADMIN_TOKEN", TOKEN)));
        try {
            String http = "http://127.0.0.1:" + gateway.httpPort();
            Path credentials = dir.resolve("credentials.csv");
            assertThat(run("--provision-only", "--gateway-url", http, "--admin-token", TOKEN, "--devices", "8",
                    "--id-prefix", "load", "--credentials", credentials.toString())).isZero();
            Path json = dir.resolve("gateway.json");

            int exit = run("load", "--mqtt-url", "tcp://127.0.0.1:" + gateway.mqttPort(), "--credentials",
                    credentials.toString(), "--devices", "8", "--rate", "100", "--warmup", "1s", "--duration", "2s",
                    "--json", json.toString());

            JsonNode result = JSON.readTree(json.toFile());
            assertThat(exit).isZero();
            long acked = result.get("acked").asLong();
            assertThat(acked).isEqualTo(result.get("sent").asLong()).isPositive();
            assertThat(result.get("windowSent").asLong()).as("sent in the 2 s window at 100 msg/s")
                    .isBetween(100L, 230L);
            long stored = 0;
            for (int i = 1; i <= 8; i++) {
                stored += storedPoints(http, String.format("load-%04d", i));
            }
            assertThat(stored).as("points stored for what the generator saw acknowledged").isEqualTo(acked);
        } finally {
            gateway.close();
        }
    }

    private static long storedPoints(String http, String device) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http + "/api/v1/devices/" + device
                + "/telemetry?from=" + Instant.now().minusSeconds(3600) + "&limit=10000"))
                .header("Authorization", "Bearer " + TOKEN).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("points").size();
    }

    private static int run(String... args) {
        CommandLine commandLine = SimCommand.commandLine(Map.of());
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exit = commandLine.execute(args);
        System.out.println(out);
        return exit;
    }
}
