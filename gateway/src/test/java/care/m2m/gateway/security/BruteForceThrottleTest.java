package care.m2m.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
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
 * Guessing secrets does not pay: after five wrong secrets for a device, even the right one is refused for a
 * while (MQTT 5 0x9F), and an address that keeps sending wrong admin tokens gets 429 with Retry-After.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BruteForceThrottleTest {

    private static final int BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final int CONNECTION_RATE_EXCEEDED = 0x9F;

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void wrongSecretsLockTheDeviceIdOutForAWhile() {
        DeviceCredentials creds = gateway.register("espresso-guess-1", "coffee-espresso-x1");
        for (int i = 0; i < AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
            assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), "guess"))
                    .hasFieldOrPropertyWithValue("reasonCode", BAD_USERNAME_OR_PASSWORD);
        }
        assertThatThrownBy(() -> Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret()))
                .hasFieldOrPropertyWithValue("reasonCode", CONNECTION_RATE_EXCEEDED);
        assertThat(gateway.metric("m2mcare_connections_refused_total", "reason=\"throttled\"")).isEqualTo(1.0);
    }

    @Test
    void wrongAdminTokensAreAnswered429() {
        HttpResponse<String> last = null;
        for (int i = 0; i <= AuthThrottle.DEFAULT_MAX_FAILURES; i++) {
            last = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/admin/devices"))
                    .header("Authorization", "Bearer wrong").GET().build());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(gateway.get("/api/v1/admin/devices").statusCode()).as("even the right token waits").isEqualTo(429);
    }
}
