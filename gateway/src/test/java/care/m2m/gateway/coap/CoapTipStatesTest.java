package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.CustomerApi;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import care.m2m.gateway.support.RunningGateway;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tip states over CoAP, through the same downlink as tips: a device observing {@code /tip-states} sees a tip
 * dismissed in the customer API; a tip it marks done ({@code POST /tip-feedback}) is stored before the 2.04.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoapTipStatesTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;
    private DeviceCredentials creds;
    private CustomerApi customer;

    private static final class Inbox implements CoapHandler {
        final List<JsonObject> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onLoad(CoapResponse response) {
            if (response.getPayloadSize() > 0) {
                messages.add(new JsonObject(response.getResponseText()));
            }
        }

        @Override
        public void onError() {
        }
    }

    @BeforeEach
    void start() {
        gateway = RunningGateway.embedded(dataDir);
        creds = gateway.register("espresso-coap-tips-1", "coffee-espresso-x1");
        customer = CustomerApi.withDeviceAndWeb(gateway, "cust-" + creds.id());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aDismissedTipReachesTheObservingDeviceAndItsFeedbackIsStored() {
        Inbox tips = new Inbox();
        Inbox states = new Inbox();
        try (CoapTestDevice device = CoapTestDevice.plain()) {
            CoapObserveRelation tipRelation = device.observe(uri("tips"), 50, tips);
            CoapObserveRelation stateRelation = device.observe(uri("tip-states"), 50, states);
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.app().coapDownlink()
                    .isListening(creds.id(), MessageType.TIP_STATES));

            assertThat(device.post(uri("events"), "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}")
                    .getCode()).isEqualTo(ResponseCode.CHANGED);
            await().atMost(Duration.ofSeconds(15)).until(() -> tips.messages.size() == 1);
            String tipId = tips.messages.get(0).getString("id");

            assertThat(customer.request("POST", "/api/v1/customer/tips/" + tipId + "/state", "{\"state\":\"read\"}").statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> states.messages.size() == 1);
            assertThat(states.messages.get(0).getString("id")).isEqualTo(tipId);
            assertThat(states.messages.get(0).getString("state")).isEqualTo("read");

            CoapResponse done = device.post(uri("tip-feedback"), "{\"v\":1,\"id\":\"%s\",\"state\":\"done\"}".formatted(tipId));
            assertThat(done.getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(customer.get("/api/v1/customer/tips").body()).contains("\"state\":\"done\"");

            CoapResponse unknown = device.post(uri("tip-feedback"), "{\"v\":1,\"id\":\"tip-nope\",\"state\":\"done\"}");
            assertThat(unknown.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
            assertThat(new String(unknown.getPayload(), StandardCharsets.UTF_8)).contains("never shown");
            tipRelation.proactiveCancel();
            stateRelation.proactiveCancel();
        }
        assertThat(gateway.metric("m2mcare_tip_feedback_rejected_total", "reason=\"unknown_tip\"", "transport=\"coap\""))
                .isEqualTo(1.0);
    }

    private String uri(String type) {
        return gateway.coapUrl() + "/m2m/v1/" + creds.id() + "/" + type + "?token=" + creds.secret();
    }

}
