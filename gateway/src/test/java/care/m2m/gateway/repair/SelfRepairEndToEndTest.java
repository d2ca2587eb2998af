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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first rung of the ladder, end to end with a real MQTT client playing the firmware: a rule fires, the
 * repair command arrives, the device answers, and only telemetry showing the fault gone makes it a verified
 * repair; a repair that does not help is retried and then escalated.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelfRepairEndToEndTest {

    private static final String RULES = """
            {"model": "coffee-espresso-x1", "verify": "PT3S", "flapWindow": "PT1S", "repairAttempts": 2,
             "repairCooldown": "PT1S",
             "rules": [{"fault": "E_BOILER_OVERHEAT", "type": "threshold", "metric": "boiler_temp_c", "op": ">",
                        "value": 130, "clear": {"op": "<", "value": 110}}]}""";

    @TempDir
    Path dataDir;
    @TempDir
    Path modelsDir;
    private RunningGateway gateway;
    private DeviceCredentials creds;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(modelsDir.resolve("coffee-espresso-x1.rules.json"), RULES);
        gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_MODELS_DIR", modelsDir.toString()));
        creds = gateway.register("espresso-repair-1", "coffee-espresso-x1");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aRepairCountsOnlyOnceTelemetryShowsTheFaultGone() throws Exception {
        try (Mqtt5Device device = firmware()) {
            publishBoiler(device, 135);
            JsonObject command = nextCommand(device);
            assertThat(command.getString("action")).isEqualTo("restart_heater");
            answer(device, command, "accepted");
            answer(device, command, "executed");

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> fault().getString("ladder").equals("REPAIRING"));
            publishBoiler(device, 95);

            await().atMost(Duration.ofSeconds(10)).until(() -> fault().getString("ladder").equals("REPAIRED"));
        }
        JsonObject fault = fault();
        assertThat(fault.getString("status")).isEqualTo("CLEARED");
        assertThat(fault.getJsonArray("repairAttempts").getJsonObject(0).getString("outcome")).isEqualTo("VERIFIED");
        JsonObject command = commands().getJsonObject(0);
        assertThat(command.getString("status")).isEqualTo("EXECUTED");
        assertThat(command.getString("deliveredAt")).isNotNull();
        JsonObject summary = new JsonObject(gateway.get("/api/v1/repairs/summary").body()).getJsonArray("repairs").getJsonObject(0);
        assertThat(summary.getString("faultCode")).isEqualTo("E_BOILER_OVERHEAT");
        assertThat(summary.getDouble("verifiedRate")).isEqualTo(1.0);
        assertThat(gateway.metric("m2mcare_repairs_total", "outcome=\"verified\"")).isEqualTo(1.0);
    }

    @Test
    void aRepairThatDoesNotHelpIsRetriedThenEscalated() throws Exception {
        try (Mqtt5Device device = firmware()) {
            publishBoiler(device, 135);
            JsonObject first = nextCommand(device);
            answer(device, first, "executed");
            publishBoiler(device, 136);

            JsonObject second = nextCommand(device);
            assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
            answer(device, second, "failed");

            await().atMost(Duration.ofSeconds(10)).until(() -> fault().getString("ladder").equals("ESCALATED"));
        }
        JsonObject fault = fault();
        assertThat(fault.getString("status")).isEqualTo("ACTIVE");
        assertThat(fault.getString("ladderNote")).contains("self-repair failed 2 time(s)");
        JsonArray attempts = fault.getJsonArray("repairAttempts");
        assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("NOT_CLEARED");
        assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("COMMAND_FAILED");
    }

    @Test
    void aFaultWithoutARepairActionIsEscalatedAtOnce() throws Exception {
        try (Mqtt5Device device = firmware()) {
            device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fault().getString("ladder").equals("ESCALATED"));
        assertThat(fault().getString("ladderNote")).contains("no self-repair action");
        assertThat(commands()).isEmpty();
    }

    @Test
    void aRepeatedFaultUpdatesTheActiveOneInsteadOfDuplicatingIt() throws Exception {
        try (Mqtt5Device device = firmware()) {
            for (int i = 0; i < 3; i++) {
                device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fault().getInteger("occurrences") == 3);
        }
        assertThat(faults()).hasSize(1);
    }

    private Mqtt5Device firmware() throws Exception {
        Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret());
        assertThat(device.subscribe(Topics.downlinkFilter(creds.id()))).isEqualTo(1);
        return device;
    }

    private static void publishBoiler(Mqtt5Device device, double celsius) throws Exception {
        assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":%d,\"metrics\":{\"boiler_temp_c\":%s}}"
                .formatted(Instant.now().toEpochMilli(), celsius))).isZero();
    }

    private static JsonObject nextCommand(Mqtt5Device device) throws InterruptedException {
        Mqtt5Device.Received message = device.received.poll(15, TimeUnit.SECONDS);
        assertThat(message).as("a command within 15 s").isNotNull();
        assertThat(message.topic()).isEqualTo(Topics.mqtt(device.deviceId(), MessageType.COMMANDS));
        return new JsonObject(message.text());
    }

    private static void answer(Mqtt5Device device, JsonObject command, String status) throws Exception {
        assertThat(device.publish(MessageType.COMMAND_RESULTS, "{\"v\":1,\"id\":\"%s\",\"status\":\"%s\",\"code\":0}"
                .formatted(command.getString("id"), status))).isZero();
    }

    private JsonArray faults() {
        return new JsonObject(gateway.get("/api/v1/devices/" + creds.id() + "/faults").body()).getJsonArray("faults");
    }

    private JsonObject fault() {
        JsonArray faults = faults();
        return faults.isEmpty() ? new JsonObject().put("ladder", "NONE").put("occurrences", 0) : faults.getJsonObject(0);
    }

    private JsonArray commands() {
        return new JsonObject(gateway.get("/api/v1/devices/" + creds.id() + "/commands").body()).getJsonArray("commands");
    }
}
