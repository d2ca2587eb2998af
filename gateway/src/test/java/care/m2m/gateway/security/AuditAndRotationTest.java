package care.m2m.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.support.AdminHttp;
import care.m2m.gateway.support.RunningGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators can rotate a generated admin token (the old one stops working at once, the new one is kept for
 * restarts), and every changing call is in the audit trail with who, what, the result and from where.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuditAndRotationTest {

    @TempDir
    Path dataDir;

    @Test
    void aRotatedTokenReplacesTheOldOneAndEveryChangeIsAudited() throws Exception {
        try (RunningGateway gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_ADMIN_TOKEN", ""))) {
            String first = Files.readString(dataDir.resolve("admin-token")).trim();
            AdminHttp admin = new AdminHttp(gateway::httpUrl, first);
            assertThat(admin.post("/api/v1/admin/devices", "{\"id\":\"audit-1\",\"model\":\"ev-charger-ac22\"}").statusCode())
                    .isEqualTo(201);

            JsonObject rotated = new JsonObject(admin.post("/api/v1/admin/token/rotate", "{}").body());
            String second = rotated.getString("token");
            assertThat(second).isNotEqualTo(first);
            assertThat(Files.readString(dataDir.resolve("admin-token")).trim()).isEqualTo(second);
            assertThat(admin.get("/api/v1/admin/devices").statusCode()).as("the old token").isEqualTo(401);

            AdminHttp renewed = new AdminHttp(gateway::httpUrl, second);
            JsonArray entries = new JsonObject(renewed.get("/api/v1/admin/audit").body()).getJsonArray("entries");
            assertThat(entries.stream().map(e -> ((JsonObject) e).getString("action") + " " + ((JsonObject) e).getString("target")
                    + " " + ((JsonObject) e).getInteger("status") + " " + ((JsonObject) e).getString("actor")))
                    .contains("POST /api/v1/admin/devices 201 admin", "POST /api/v1/admin/token/rotate 200 admin");
            assertThat(entries.encode()).doesNotContain(first).doesNotContain(second);
        }
    }

    @Test
    void aConfiguredTokenCannotBeRotatedThroughTheApi() {
        try (RunningGateway gateway = RunningGateway.embedded(dataDir)) {
            assertThat(gateway.post("/api/v1/admin/token/rotate", "{}").statusCode()).isEqualTo(409);
        }
    }
}
