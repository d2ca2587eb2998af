package care.m2m.gateway.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder is configuration per fault code: a rule file can send one fault straight to a ticket (no
 * self-repair) and keep another with the customer (a tip, never a ticket); the records say why.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LadderConfigurationTest {

    private static final String RULES = """
            {"verify": "PT3S", "repairAttempts": 2, "repairCooldown": "PT1S",
             "rules": [{"fault": "E_BOILER_OVERHEAT", "type": "threshold", "metric": "boiler_temp_c", "op": ">",
                        "value": 130, "clear": {"op": "<", "value": 110}}],
             "ladder": {"E_BOILER_OVERHEAT": {"rungs": ["ticket"]},
                        "E_WATER_TANK_EMPTY": {"rungs": ["tip"]}}}""";

    @TempDir
    Path dataDir;
    @TempDir
    Path modelsDir;

    @Test
    void eachFaultCodeClimbsOnlyTheRungsItsLadderNames() throws Exception {
        Files.writeString(modelsDir.resolve("coffee-espresso-x1.rules.json"), RULES);
        try (RunningGateway gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_MODELS_DIR", modelsDir.toString()))) {
            DeviceCredentials hot = gateway.register("espresso-ladder-1", "coffee-espresso-x1");
            DeviceCredentials dry = gateway.register("espresso-ladder-2", "coffee-espresso-x1");
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), hot.id(), hot.secret())) {
                device.publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":%d,\"metrics\":{\"boiler_temp_c\":135}}"
                        .formatted(Instant.now().toEpochMilli()));
            }
            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), dry.id(), dry.secret())) {
                device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> tickets(gateway).size() == 1);
            JsonObject ticket = tickets(gateway).getJsonObject(0);
            assertThat(ticket.getJsonObject("device").getString("id")).isEqualTo(hot.id());
            JsonObject overheat = fault(gateway, hot.id(), "E_BOILER_OVERHEAT");
            assertThat(overheat.getString("ladderNote")).contains("skips self-repair");
            assertThat(new JsonObject(gateway.get("/api/v1/devices/" + hot.id() + "/commands").body())
                    .getJsonArray("commands")).as("no self-repair command").isEmpty();

            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.get("/api/v1/devices/" + dry.id()
                    + "/ticket-decisions").body().contains("E_WATER_TANK_EMPTY has no ticket rung"));
            assertThat(tickets(gateway)).as("the tip-only fault opened no ticket").hasSize(1);
        }
    }

    private static JsonArray tickets(RunningGateway gateway) {
        return new JsonObject(gateway.get("/api/v1/tickets").body()).getJsonArray("tickets");
    }

    private static JsonObject fault(RunningGateway gateway, String deviceId, String code) {
        return new JsonObject(gateway.get("/api/v1/devices/" + deviceId + "/faults").body()).getJsonArray("faults")
                .stream().map(JsonObject.class::cast).filter(f -> f.getString("code").equals(code)).findFirst().orElseThrow();
    }
}
