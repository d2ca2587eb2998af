package care.m2m.gateway.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.gateway.support.WebhookReceiver;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook channel (towards messaging or e-mail): a customer who consented gets the same tip, with the
 * same id, as a signed webhook event, and the state they set elsewhere follows as an update.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TipWebhookTest {

    private static final String SECRET = "tip-hook-secret";

    @TempDir
    Path dataDir;

    @Test
    void aConsentedCustomerGetsTheTipAndItsStateChangeAsSignedWebhookEvents() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET).start();
                RunningGateway gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_WEBHOOK_URL", receiver.url(),
                        "M2MCARE_WEBHOOK_SECRET", SECRET, "M2MCARE_WEBHOOK_INTERVAL_MS", "200"))) {
            DeviceCredentials creds = gateway.register("espresso-hook-1", "coffee-espresso-x1");
            String token = new JsonObject(gateway.post("/api/v1/admin/customers/cust-espresso-hook-1/tokens", "{}").body())
                    .getString("token");
            gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/customer/preferences"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"channels\":[\"web\",\"webhook\"],\"quietStart\":\"00:00\","
                            + "\"quietEnd\":\"00:00\"}")).build());

            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.types().contains("tip.delivered"));
            WebhookReceiver.Delivery delivered = receiver.deliveries.stream()
                    .filter(d -> "tip.delivered".equals(d.eventType())).findFirst().orElseThrow();
            assertThat(delivered.validSignature()).isTrue();
            assertThat(delivered.body().getString("customerRef")).isEqualTo("cust-espresso-hook-1");
            String tipId = delivered.body().getString("id");

            gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/customer/tips/" + tipId + "/state"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"done\"}")).build());
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.types().contains("tip.updated"));
            WebhookReceiver.Delivery updated = receiver.deliveries.stream()
                    .filter(d -> "tip.updated".equals(d.eventType())).findFirst().orElseThrow();
            assertThat(updated.body().getString("id")).isEqualTo(tipId);
            assertThat(updated.body().getString("state")).isEqualTo("done");
            assertThat(receiver.keys()).doesNotHaveDuplicates();
        }
    }
}
