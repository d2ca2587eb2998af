package care.m2m.gateway.support;

import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The HTTP calls tests make against a gateway, in-process or in its own process, through the JDK's HTTP
 * client as an outside operator's script would: register devices, read telemetry, scrape metrics.
 */
public final class AdminHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Supplier<String> baseUrl;
    private final String token;

    public AdminHttp(Supplier<String> baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Registers a device through the admin API and returns its credentials. */
    public DeviceCredentials register(String id, String model) {
        HttpResponse<String> response = post("/api/v1/admin/devices",
                new JsonObject().put("id", id).put("model", model).put("customerRef", "cust-" + id).encode());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration of " + id + " failed: " + response.statusCode() + " " + response.body());
        }
        JsonObject body = new JsonObject(response.body());
        return new DeviceCredentials(body.getString("id"), body.getString("model"), body.getString("secret"),
                body.getString("psk"));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed: " + e, e);
        }
    }

    /** Stored telemetry of a device over the last day, as the read API returns it. */
    public JsonObject telemetry(String deviceId) {
        HttpResponse<String> response = get("/api/v1/devices/" + deviceId + "/telemetry?from="
                + Instant.now().minus(Duration.ofDays(1)) + "&limit=10000");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("telemetry read failed: " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
    }

    /** The value of one Prometheus sample, 0 when absent; {@code labels} like {@code reason="out_of_range"}. */
    public double metric(String name, String... labels) {
        return PrometheusText.value(get("/metrics").body(), name, labels);
    }
}
