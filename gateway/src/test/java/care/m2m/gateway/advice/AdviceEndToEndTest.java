package care.m2m.gateway.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telemetry in, a usage tip out: a week of a coffee machine kept hot for hours without a drink, sent over
 * MQTT and stored, makes the usage advisor (reading the gateway's own telemetry store) propose an auto-off
 * tip with a benefit computed from that week, delivered to the customer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdviceEndToEndTest {

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        gateway = RunningGateway.with(dataDir, Map.of("M2MCARE_ADVISOR_INTERVAL_MINUTES", "0", "M2MCARE_TIPS_HOLDOUT_SHARE", "0"));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aWeekOfIdleHeatingBecomesAnAutoOffTipWithItsOwnBenefit() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-advice-1", "coffee-espresso-x1");
        String token = new JsonObject(gateway.post("/api/v1/admin/customers/cust-espresso-advice-1/tokens", "{}").body())
                .getString("token");
        Instant day0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(8));
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            for (int day = 0; day < 7; day++) {
                for (int minute = 0; minute < 24 * 60; minute += 5) {
                    Instant at = day0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minute));
                    boolean on = minute >= 7 * 60 && minute < 17 * 60;
                    String state = !on ? "standby" : minute == 7 * 60 ? "brewing" : "ready";
                    double power = !on ? 0.5 : state.equals("brewing") ? 1300 : 60;
                    assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":%d,\"metrics\":{\"state\":\"%s\",\"power_w\":%s}}"
                            .formatted(at.toEpochMilli(), state, power))).isZero();
                }
            }
        }

        JsonObject advised = new JsonObject(gateway.post("/api/v1/admin/devices/" + creds.id() + "/advice", "{}").body());
        assertThat(advised.getInteger("tipsProposed")).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !tips(token).isEmpty());
        JsonObject tip = tips(token).stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("kind").equals("idle_waste")).findFirst().orElseThrow();
        assertThat(tip.getString("text")).contains("auto-off");
        // 9.5 h a day beyond the 30 min auto-off at 60 W, 7 days in a 14-day window: 3.99 kWh, 8.66 kWh a month
        assertThat(tip.getDouble("benefitKwhPerMonth")).isBetween(8.0, 9.3);
        assertThat(tip.getDouble("benefitEurPerMonth")).isGreaterThan(1.0);

        JsonObject again = new JsonObject(gateway.post("/api/v1/admin/devices/" + creds.id() + "/advice", "{}").body());
        assertThat(again.getInteger("tipsProposed")).isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> tips(token).size() == 1);
    }

    private JsonArray tips(String token) {
        return new JsonObject(gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/api/v1/customer/tips"))
                .header("Authorization", "Bearer " + token).GET().build()).body()).getJsonArray("tips");
    }
}
