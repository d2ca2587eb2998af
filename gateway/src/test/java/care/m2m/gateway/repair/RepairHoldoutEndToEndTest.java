package care.m2m.gateway.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair-effect experiment end to end: with half of the self-repairable faults held out, a held-out fault
 * gets no repair command yet still climbs to the self-service tip, its arm is on record, and the effect endpoint
 * reports both arms. Which fault lands in which arm is random (a hash of its id), so the test raises faults on
 * fresh devices until it has seen both arms (the chance of 16 faults all in one arm is 2 in 65,536).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RepairHoldoutEndToEndTest {

    private static final String DESCALE_DUE = "{\"v\":1,\"kind\":\"warning\",\"code\":\"W_DESCALE_DUE\"}";
    private static final String DESCALE_DONE = "{\"v\":1,\"kind\":\"cleared\",\"code\":\"W_DESCALE_DUE\"}";

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_REPAIR_HOLDOUT_SHARE", "0.5"));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aHeldOutFaultSkipsSelfRepairButReachesTheTipAndTheEffectReportsBothArms() throws Exception {
        boolean sawRepaired = false;
        boolean sawHeldOut = false;
        for (int i = 0; i < 16 && !(sawRepaired && sawHeldOut); i++) {
            DeviceCredentials creds = gateway.register("espresso-holdout-" + i, "coffee-espresso-x1");
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                assertThat(device.subscribe(Topics.mqtt(creds.id(), MessageType.COMMANDS))).isEqualTo(1);
                device.publish(MessageType.EVENTS, DESCALE_DUE);
                await().atMost(Duration.ofSeconds(15)).until(() -> !fault(creds.id()).getString("ladder").equals("NEW"));
                JsonObject fault = fault(creds.id());
                if (fault.getString("ladder").equals("ESCALATED")) {
                    sawHeldOut = true;
                    assertThat(fault.getString("ladderNote")).contains("held out of self-repair");
                    assertThat(fault.getJsonArray("repairAttempts")).isEmpty();
                    assertThat(device.received.poll(1, TimeUnit.SECONDS)).as("no repair command").isNull();
                    assertThat(commands(creds.id())).isEmpty();
                    await().atMost(Duration.ofSeconds(10)).until(() -> customerTips(creds.id()).stream()
                            .anyMatch(t -> ((JsonObject) t).getString("text").contains("descale")));
                } else {
                    sawRepaired = true;
                    Mqtt5Device.Received command = device.received.poll(15, TimeUnit.SECONDS);
                    assertThat(command).as("a repair command").isNotNull();
                    JsonObject body = new JsonObject(command.text());
                    assertThat(body.getString("action")).isEqualTo("descale_cycle");
                    device.publish(MessageType.COMMAND_RESULTS, "{\"v\":1,\"id\":\"%s\",\"status\":\"executed\",\"code\":0}"
                            .formatted(body.getString("id")));
                    device.publish(MessageType.EVENTS, DESCALE_DONE);
                    await().atMost(Duration.ofSeconds(15)).until(() -> fault(creds.id()).getString("ladder").equals("REPAIRED"));
                }
            }
        }
        assertThat(sawRepaired && sawHeldOut).as("both arms within 16 faults").isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonObject descale = effectOf("W_DESCALE_DUE");
            return descale != null && descale.getJsonObject("repaired").getLong("faults") >= 1
                    && descale.getJsonObject("heldOut").getLong("faults") >= 1;
        });
        JsonObject descale = effectOf("W_DESCALE_DUE");
        assertThat(descale.getJsonObject("repaired").getDouble("repeatRate")).isZero();
        assertThat(descale.getJsonObject("heldOut").getDouble("meanHoursToClear")).as("still active: the horizon")
                .isCloseTo(1 / 3600.0, org.assertj.core.data.Offset.offset(1e-9));
        JsonObject repeat = descale.getJsonObject("repeatRateDifference");
        assertThat(repeat.getDouble("low")).isLessThanOrEqualTo(repeat.getDouble("difference"));
        assertThat(repeat.getDouble("high")).isGreaterThanOrEqualTo(repeat.getDouble("difference"));
    }

    @Test
    void badParametersGetAProblem() {
        HttpResponse<String> badHorizon = gateway.get("/api/v1/repairs/effect?horizon=seven-days");
        assertThat(badHorizon.statusCode()).isEqualTo(400);
        assertThat(badHorizon.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badHorizon.body()).contains("ISO-8601 duration");
        assertThat(gateway.get("/api/v1/repairs/effect?horizon=P365D").statusCode()).isEqualTo(400);
        assertThat(gateway.get("/api/v1/repairs/effect?code=drop%20table").statusCode()).isEqualTo(400);
        HttpResponse<String> anonymous = gateway.send(HttpRequest.newBuilder(
                URI.create(gateway.httpUrl() + "/api/v1/repairs/effect")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonObject empty = new JsonObject(gateway.get("/api/v1/repairs/effect").body());
        assertThat(empty.getString("horizon")).isEqualTo("PT168H");
        assertThat(empty.getJsonArray("effects")).singleElement()
                .satisfies(e -> assertThat(((JsonObject) e).getString("faultCode")).isEqualTo("*"));
    }

    private JsonObject effectOf(String code) {
        JsonArray effects = new JsonObject(gateway.get("/api/v1/repairs/effect?horizon=PT1S").body()).getJsonArray("effects");
        return effects.stream().map(JsonObject.class::cast).filter(e -> e.getString("faultCode").equals(code))
                .findFirst().orElse(null);
    }

    private JsonObject fault(String deviceId) {
        JsonArray faults = new JsonObject(gateway.get("/api/v1/devices/" + deviceId + "/faults").body()).getJsonArray("faults");
        return faults.isEmpty() ? new JsonObject().put("ladder", "NEW") : faults.getJsonObject(0);
    }

    private JsonArray commands(String deviceId) {
        return new JsonObject(gateway.get("/api/v1/devices/" + deviceId + "/commands").body()).getJsonArray("commands");
    }

    private JsonArray customerTips(String deviceId) {
        String token = new JsonObject(gateway.post("/api/v1/admin/customers/cust-" + deviceId + "/tokens", "{}").body())
                .getString("token");
        HttpResponse<String> tips = gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/customer/tips"))
                .header("Authorization", "Bearer " + token).GET().build());
        return new JsonObject(tips.body()).getJsonArray("tips");
    }
}
