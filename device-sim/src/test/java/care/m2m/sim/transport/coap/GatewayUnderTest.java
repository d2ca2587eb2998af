package care.m2m.sim.transport.coap;

import care.m2m.gateway.app.GatewayApp;
import care.m2m.gateway.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real M2M Care gateway in this JVM, on free loopback ports with its own data folder and embedded stores,
 * plus the few admin API calls the CoAP tests make as an operator would (plain JDK HTTP client).
 */
final class GatewayUnderTest implements AutoCloseable {

    static final String ADMIN_TOKEN = "sim-test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    GatewayUnderTest(Path dataDir) {
        app = GatewayApp.start(ConfigLoader.from(Map.of(
                "M2MCARE_DATA_DIR", dataDir.toString(),
                "M2MCARE_HOST", "127.0.0.1",
                "M2MCARE_MQTT_PORT", "0",
                "M2MCARE_HTTP_PORT", "0",
                "M2MCARE_COAP_PORT", "0",
                "M2MCARE_COAPS_PORT", "0",
                "M2MCARE_ADMIN_TOKEN", ADMIN_TOKEN)));
    }

    URI httpUrl() {
        return URI.create("http://127.0.0.1:" + app.httpPort());
    }

    String coapUrl() {
        return "coap://127.0.0.1:" + app.coapPort();
    }

    String coapsUrl() {
        return "coaps://127.0.0.1:" + app.coapsPort();
    }

    /** Telemetry points stored for the device over the last hour. */
    int telemetryPoints(String deviceId) {
        JsonNode body = get("/api/v1/devices/" + deviceId + "/telemetry?from=" + Instant.now().minusSeconds(3600)
                + "&limit=10000");
        return body.get("points").size();
    }

    /** Submits a command the way an operator does; answers the command's id. */
    String command(String deviceId, String action) {
        JsonNode created = call(HttpRequest.newBuilder(httpUrl().resolve("/api/v1/devices/" + deviceId + "/commands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
        return created.get("id").asText();
    }

    /** The status of a command, for example QUEUED, SENT or EXECUTED. */
    String commandStatus(String deviceId, String commandId) {
        for (JsonNode command : get("/api/v1/devices/" + deviceId + "/commands").get("commands")) {
            if (commandId.equals(command.get("id").asText())) {
                return command.get("status").asText();
            }
        }
        return "UNKNOWN";
    }

    private JsonNode get(String path) {
        return call(HttpRequest.newBuilder(httpUrl().resolve(path)).GET());
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
