package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command channel needs no CoAP-specific code: a command queued while a CoAP device was away reaches it
 * as a notification once it observes its commands resource, and its result, POSTed over CoAP, completes the
 * command's state machine just as over MQTT.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoapCommandChannelTest {

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
    void aQueuedCommandReachesACoapDeviceAndItsResultIsRecorded() {
        DeviceCredentials creds = gateway.register("charger-coap-1", "ev-charger-ac22");
        assertThat(gateway.post("/api/v1/devices/" + creds.id() + "/commands", "{\"action\":\"reset_rcd\"}").statusCode())
                .isEqualTo(202);
        List<String> received = new CopyOnWriteArrayList<>();
        String base = gateway.coapUrl() + "/m2m/v1/" + creds.id();

        try (CoapTestDevice device = CoapTestDevice.plain()) {
            device.observe(base + "/commands?token=" + creds.secret(), 50, new CoapHandler() {
                @Override
                public void onLoad(CoapResponse response) {
                    if (response.getPayloadSize() > 0) {
                        received.add(new String(response.getPayload(), StandardCharsets.UTF_8));
                    }
                }

                @Override
                public void onError() {
                }
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
            JsonObject command = new JsonObject(received.get(0));
            assertThat(command.getString("action")).isEqualTo("reset_rcd");
            await().atMost(Duration.ofSeconds(10)).until(() -> status(creds).equals("DELIVERED"));

            CoapResponse result = device.post(base + "/command-results?token=" + creds.secret(),
                    "{\"v\":1,\"id\":\"%s\",\"status\":\"executed\",\"code\":0}".formatted(command.getString("id")));
            assertThat(result.getCode()).isEqualTo(ResponseCode.CHANGED);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> status(creds).equals("EXECUTED"));
    }

    private String status(DeviceCredentials creds) {
        return new JsonObject(gateway.get("/api/v1/devices/" + creds.id() + "/commands").body())
                .getJsonArray("commands").getJsonObject(0).getString("status");
    }
}
