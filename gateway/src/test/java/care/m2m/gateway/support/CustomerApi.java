package care.m2m.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A customer of a running gateway, as the customer API sees them: a token issued through the admin API and
 * requests made with it.
 */
public final class CustomerApi {

    /** Preferences that let every tip through at once: device and web channels, no quiet hours, 5 a week. */
    public static final String DEVICE_AND_WEB_ANY_TIME =
            "{\"channels\":[\"device\",\"web\"],\"quietStart\":\"00:00\",\"quietEnd\":\"00:00\",\"maxPerWeek\":5}";

    private final RunningGateway gateway;
    private final String token;

    private CustomerApi(RunningGateway gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** Issues a token for {@code customerRef} and stores {@link #DEVICE_AND_WEB_ANY_TIME} as their preferences. */
    public static CustomerApi withDeviceAndWeb(RunningGateway gateway, String customerRef) {
        String token = new JsonObject(gateway.post("/api/v1/admin/customers/" + customerRef + "/tokens", "{}").body())
                .getString("token");
        CustomerApi customer = new CustomerApi(gateway, token);
        assertThat(customer.request("PUT", "/api/v1/customer/preferences", DEVICE_AND_WEB_ANY_TIME).statusCode())
                .isEqualTo(200);
        return customer;
    }

    public String token() {
        return token;
    }

    public HttpResponse<String> get(String path) {
        return request("GET", path, null);
    }

    /** A request with the customer's token; {@code json} null sends no body. */
    public HttpResponse<String> request(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return gateway.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
