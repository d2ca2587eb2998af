package care.m2m.sim.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The part of the gateway's admin API the simulator needs: registering a device
 * ({@code POST /api/v1/admin/devices}), which answers with the device's secret exactly once, and taking over a
 * device whose secret was lost ({@code POST .../{id}/secret} gives it a new one).
 */
public final class AdminClient {

    static final String DEVICES_PATH = "/api/v1/admin/devices";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final List<String> devicesUris;
    private final String adminToken;

    public AdminClient(URI gatewayUrl, String adminToken) {
        this(List.of(gatewayUrl), adminToken);
    }

    /**
     * A client of several gateway instances (a cluster shares one registry): a request that cannot reach one
     * instance (no connection, no answer) is sent to the next; an HTTP error answer is final.
     */
    public AdminClient(List<URI> gatewayUrls, String adminToken) {
        if (gatewayUrls.isEmpty()) {
            throw new IllegalArgumentException("expected at least one gateway URL, got none");
        }
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.devicesUris = gatewayUrls.stream().map(u -> u.toString().replaceAll("/+$", "") + DEVICES_PATH).toList();
        this.adminToken = adminToken;
    }

    /** One device to register; {@code id} may be null, then the gateway picks one. */
    public record Registration(String id, String model, String customerRef, String location) {
    }

    /**
     * Registers a device; the future fails with {@link ProvisioningException} naming the device, the HTTP status
     * (409 when the id is taken) and the problem document's detail.
     */
    public CompletableFuture<DeviceCredentials> register(Registration registration) {
        ObjectNode body = JSON.createObjectNode();
        if (registration.id() != null) {
            body.put("id", registration.id());
        }
        body.put("model", registration.model());
        if (registration.customerRef() != null) {
            body.put("customerRef", registration.customerRef());
        }
        if (registration.location() != null) {
            body.put("location", registration.location());
        }
        String name = registration.id() == null ? "(id chosen by the gateway)" : registration.id();
        return call(base -> request(base).POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                "registering device " + name)
                .thenApply(node -> credentials(node, registration.model(), "registering device " + name));
    }

    /** Gives an existing device a new secret and reads its model, so a lost credentials file can be rebuilt. */
    public CompletableFuture<DeviceCredentials> takeOver(String deviceId) {
        String what = "taking over device " + deviceId;
        return call(base -> request(base + "/" + deviceId + "/secret").POST(HttpRequest.BodyPublishers.noBody()), what)
                .thenCompose(rotated -> call(base -> request(base + "/" + deviceId).GET(), what)
                        .thenApply(device -> credentials(rotated, text(device, "model"), what)));
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
    }

    /** Sends to the first gateway; when it cannot be reached, to the next, and so on. */
    private CompletableFuture<JsonNode> call(Function<String, HttpRequest.Builder> request, String what) {
        return call(request, what, 0);
    }

    private CompletableFuture<JsonNode> call(Function<String, HttpRequest.Builder> request, String what, int index) {
        HttpRequest built = request.apply(devicesUris.get(index)).build();
        return http.sendAsync(built, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                if (index + 1 < devicesUris.size()) {
                    return null;
                }
                throw new ProvisioningException(what + " at " + built.uri() + " failed: " + failure.getMessage(),
                        failure);
            }
            int status = response.statusCode();
            if (status / 100 != 2) {
                throw new ProvisioningException(what + ": HTTP " + status + " " + problemDetail(response.body())
                        + hint(status), status, null);
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new ProvisioningException(what + ": the answer is not JSON: " + shorten(response.body()), e);
            }
        }).thenCompose(node -> node != null ? CompletableFuture.completedFuture(node) : call(request, what, index + 1));
    }

    private static DeviceCredentials credentials(JsonNode node, String fallbackModel, String what) {
        String id = text(node, "id");
        String secret = text(node, "secret");
        if (id == null || secret == null) {
            throw new ProvisioningException(what + ": expected a JSON object with id and secret, got "
                    + shorten(String.valueOf(node)));
        }
        String model = text(node, "model");
        return new DeviceCredentials(id, model == null ? fallbackModel : model, secret, text(node, "psk"));
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (check --admin-token, M2MCARE_ADMIN_TOKEN or --admin-token-file)";
            case 409 -> " (the id is taken)";
            default -> "";
        };
    }

    private static String problemDetail(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            String detail = text(node, "detail");
            String title = text(node, "title");
            return detail != null ? detail : title != null ? title : shorten(body);
        } catch (IOException e) {
            return shorten(body);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
