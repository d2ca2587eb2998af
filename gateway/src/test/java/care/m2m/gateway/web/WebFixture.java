package care.m2m.gateway.web;

import care.m2m.gateway.support.RunningGateway;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every browser test starts from: a real gateway on its embedded defaults and a headless Chromium
 * pointed at it; closed browser first, then the gateway.
 */
final class WebFixture implements AutoCloseable {

    final RunningGateway gateway;
    final Browser browser;

    private WebFixture(RunningGateway gateway, Browser browser) {
        this.gateway = gateway;
        this.browser = browser;
    }

    static WebFixture start(Path dataDir, Path profile, Map<String, String> settings) {
        RunningGateway gateway = RunningGateway.with(dataDir, settings);
        try {
            return new WebFixture(gateway, new Browser(gateway.httpUrl(), profile));
        } catch (RuntimeException | AssertionError e) {
            gateway.close();
            throw e;
        }
    }

    /** Issues a customer's sign-in code through the admin API, as an operator would. */
    String customerToken(String customerRef) {
        return new JsonObject(gateway.post("/api/v1/admin/customers/" + customerRef + "/tokens", "{}").body())
                .getString("token");
    }

    /**
     * Creates a person who signs in with a password through the admin API, as an operator would, and returns
     * the API's status code (201 created, 409 taken, 400 refused).
     */
    int user(String username, String password, String role, String customerRef) {
        JsonObject body = new JsonObject().put("username", username).put("password", password).put("role", role);
        if (customerRef != null) {
            body.put("customerRef", customerRef);
        }
        return gateway.post("/api/v1/admin/users", body.encode()).statusCode();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            gateway.close();
        }
    }
}
