package care.m2m.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.devices.DeviceSecrets;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.testkit.PostgresServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device secrets in a real PostgreSQL records database: new ones are stored with PBKDF2 at the configured
 * iteration count, a row left from the salted SHA-256 days still lets its device in over MQTT and is
 * rewritten with PBKDF2 on that first success, reconnects are answered from the verified-secret cache, and a
 * rotated or deleted device's old secret stops working at once.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeviceSecretStorageTest {

    private static final int BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final String ITERATIONS = "2000";

    @TempDir
    Path dataDir;
    private final PostgresServer postgres = PostgresServer.shared();
    private final String database = "secrets_" + Long.toString(System.nanoTime(), 36);
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        postgres.createDatabase(database);
        gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_SQL_URL", postgres.jdbcUrl(database),
                "M2MCARE_SQL_USERNAME", postgres.user(), "M2MCARE_SQL_PASSWORD", postgres.password(),
                "M2MCARE_DEVICE_SECRET_ITERATIONS", ITERATIONS));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void newSecretsAreStoredWithPbkdf2AndReconnectsAreAnsweredFromTheCache() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-kdf-1", "coffee-espresso-x1");
        assertThat(storedHash(creds.id())).startsWith("pbkdf2-sha256-device$" + ITERATIONS + "$")
                .doesNotContain(creds.secret());

        for (int i = 0; i < 3; i++) {
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":91}}")).isZero();
            }
        }
        assertThat(checks("kdf", "match")).isEqualTo(1.0);
        assertThat(checks("cache", "match")).isEqualTo(2.0);
        assertThat(gateway.metric("m2mcare_device_secret_kdf_seconds_count")).isGreaterThanOrEqualTo(2.0);

        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret() + "x"))
                .hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        assertThat(checks("kdf", "mismatch")).isEqualTo(1.0);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "reason=\"bad_secret\"")).isEqualTo(1.0);
    }

    @Test
    void aLegacySha256RowStillAuthenticatesAndIsRehashedOnItsFirstSuccess() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-legacy-1", "coffee-espresso-x1");
        String legacy = DeviceSecrets.sha256Hash(creds.secret());
        postgres.psql(database, "UPDATE devices SET secret_hash = '" + legacy + "' WHERE id = '" + creds.id() + "'");

        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), "not-" + creds.secret()))
                .hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        assertThat(storedHash(creds.id())).as("a failed attempt rewrites nothing").isEqualTo(legacy);

        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            assertThat(device.isConnected()).isTrue();
        }
        assertThat(storedHash(creds.id())).startsWith("pbkdf2-sha256-device$" + ITERATIONS + "$");
        assertThat(checks("kdf", "upgraded")).isEqualTo(1.0);

        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            assertThat(device.isConnected()).isTrue();
        }
        assertThat(checks("cache", "match")).as("the rehashed secret is remembered").isEqualTo(1.0);

        gateway.restart();
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            assertThat(device.isConnected()).as("the rewritten row verifies from scratch").isTrue();
        }
        assertThat(checks("kdf", "match")).isEqualTo(1.0);
    }

    @Test
    void rotatingOrDeletingADeviceDropsItsRememberedSecret() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-rotate-1", "coffee-espresso-x1");
        Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret()).close();
        Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret()).close();
        assertThat(checks("cache", "match")).isEqualTo(1.0);

        String rotated = new JsonObject(gateway.post("/api/v1/admin/devices/" + creds.id() + "/secret", "{}").body())
                .getString("secret");
        assertThat(rotated).isNotEqualTo(creds.secret());
        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret()))
                .as("the old secret, once remembered").hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), rotated).close();
        Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), rotated).close();
        assertThat(checks("cache", "match")).isEqualTo(2.0);

        assertThat(gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/admin/devices/" + creds.id()))
                .header("Authorization", "Bearer " + RunningGateway.ADMIN_TOKEN).DELETE().build()).statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), rotated))
                .hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "reason=\"unknown_device\"")).isEqualTo(1.0);
    }

    private String storedHash(String deviceId) {
        return postgres.psql(database, "SELECT secret_hash FROM devices WHERE id = '" + deviceId + "'");
    }

    private double checks(String path, String result) {
        return gateway.metric("m2mcare_device_secret_checks_total", "path=\"" + path + "\"", "result=\"" + result + "\"");
    }
}
