package care.m2m.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.support.RunningGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API as an operator's script sees it: status codes, problem+json errors, health, metrics, OpenAPI. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpApiTest {

    @TempDir
    static Path dataDir;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void registeringReturnsTheSecretOnceAndReadingDoesNot() {
        HttpResponse<String> created = gateway.post("/api/v1/admin/devices",
                "{\"id\":\"espresso-api-1\",\"model\":\"coffee-espresso-x1\",\"location\":\"BE-1000\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/devices/espresso-api-1");
        assertThat(new JsonObject(created.body()).getString("secret")).hasSize(43);

        HttpResponse<String> read = gateway.get("/api/v1/admin/devices/espresso-api-1");
        assertThat(read.statusCode()).isEqualTo(200);
        JsonObject device = new JsonObject(read.body());
        assertThat(device.getString("model")).isEqualTo("coffee-espresso-x1");
        assertThat(device.getString("location")).isEqualTo("BE-1000");
        assertThat(device.containsKey("secret")).isFalse();
        assertThat(read.body()).doesNotContain("sha256");
    }

    @Test
    void aGeneratedIdIsUsedWhenNoneIsGiven() {
        HttpResponse<String> created = gateway.post("/api/v1/admin/devices", "{\"model\":\"ev-charger-ac22\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(new JsonObject(created.body()).getString("id")).startsWith("ev-");
    }

    @Test
    void errorsAreProblemDocumentsThatSayWhatWasExpected() {
        assertProblem(gateway.post("/api/v1/admin/devices", "{\"model\":\"toaster-9000\"}"), 400, "unknown device model 'toaster-9000'");
        assertProblem(gateway.post("/api/v1/admin/devices", "{\"model\":42}"), 400, "model: expected text, got integer 42");
        assertProblem(gateway.post("/api/v1/admin/devices", "{\"id\":\"bad id!\",\"model\":\"ev-charger-ac22\"}"), 400, "id: expected");
        assertProblem(gateway.post("/api/v1/admin/devices", "{not json"), 400, "expected a JSON object");
        gateway.post("/api/v1/admin/devices", "{\"id\":\"dup-1\",\"model\":\"ev-charger-ac22\"}");
        assertProblem(gateway.post("/api/v1/admin/devices", "{\"id\":\"dup-1\",\"model\":\"ev-charger-ac22\"}"), 409, "already registered");
        assertProblem(gateway.get("/api/v1/admin/devices/nobody"), 404, "no device with id 'nobody'");
        assertProblem(gateway.get("/api/v1/devices/x/telemetry?from=yesterday"), 400, "from: expected an ISO-8601 instant");
        assertProblem(gateway.get("/api/v1/devices/x/telemetry?limit=0"), 400, "limit: expected a number from 1 to 10000");
        assertProblem(gateway.get("/no/such/page"), 404, "no such resource");
    }

    @Test
    void theAdminApiNeedsTheAdminToken() {
        HttpResponse<String> none = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/admin/devices")).GET().build());
        assertProblem(none, 401, "Authorization: Bearer");
        HttpResponse<String> wrong = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/devices/x/telemetry"))
                .header("Authorization", "Bearer nope").GET().build());
        assertProblem(wrong, 401, "not the admin token");
    }

    @Test
    void healthReportsBothStores() {
        HttpResponse<String> health = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(health.body());
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonObject("checks").getJsonObject("telemetryStore").getString("kind")).isEqualTo("embedded");
        assertThat(body.getJsonObject("checks").getJsonObject("records").getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsAndTheApiDocumentAreServed() {
        String metrics = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/metrics")).GET().build()).body();
        assertThat(metrics).contains("m2mcare_devices_connected", "m2mcare_store_write_seconds", "vertx_");
        HttpResponse<String> openApi = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/openapi.yaml")).GET().build());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).startsWith("openapi: 3").contains("/api/v1/admin/devices:", "/api/v1/devices/{id}/telemetry:");
    }

    @Test
    void modelsAreListed() {
        JsonObject models = new JsonObject(gateway.get("/api/v1/models").body());
        assertThat(models.getJsonArray("models").stream().map(m -> ((JsonObject) m).getString("id")))
                .contains("coffee-espresso-x1", "heatpump-air-w9", "washer-front-w7", "ev-charger-ac22");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).contains(detailPart);
        assertThat(problem.getString("type")).startsWith("https://m2m.care/problems/");
    }
}
