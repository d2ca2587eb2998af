package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.support.RunningGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API that creates the people who sign in to the pages: only with the admin token, one person per
 * username, and refusals that name the field (a weak password, a customer without their customer ref).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebUsersApiTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anOperatorCreatesAUserOnceAndThePasswordIsNeverEchoed() {
        HttpResponse<String> created = create("{\"username\":\"Anna\",\"password\":\"correct-horse-1\","
                + "\"role\":\"customer\",\"customerRef\":\"cust-0001\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = new JsonObject(created.body());
        assertThat(body.getString("username")).isEqualTo("anna");
        assertThat(body.getString("role")).isEqualTo("CUSTOMER");
        assertThat(body.getString("customerRef")).isEqualTo("cust-0001");
        assertThat(created.body()).doesNotContain("correct-horse-1").doesNotContain("pbkdf2");

        HttpResponse<String> again = create("{\"username\":\"anna\",\"password\":\"another-pass-2\",\"role\":\"OPERATOR\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("'anna' is taken");
    }

    @Test
    void weakPasswordsAndCustomersWithoutARefAreRefusedNamingTheField() {
        HttpResponse<String> weak = create("{\"username\":\"bob\",\"password\":\"short\",\"role\":\"OPERATOR\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(weak.body()).getString("detail")).startsWith("password: expected at least 10 characters");

        HttpResponse<String> noRef = create("{\"username\":\"carl\",\"password\":\"long-enough-1\",\"role\":\"CUSTOMER\"}");
        assertThat(noRef.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noRef.body()).getString("detail")).startsWith("customerRef:");

        HttpResponse<String> badRole = create("{\"username\":\"dora\",\"password\":\"long-enough-1\",\"role\":\"king\"}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badRole.body()).getString("detail")).startsWith("role:");
    }

    @Test
    void withoutTheAdminTokenNobodyCreatesUsers() {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl()
                + "/api/v1/admin/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"eve\",\"password\":\"let-me-in-now\","
                        + "\"role\":\"OPERATOR\"}")).build());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> create(String json) {
        return gateway.post("/api/v1/admin/users", json);
    }
}
