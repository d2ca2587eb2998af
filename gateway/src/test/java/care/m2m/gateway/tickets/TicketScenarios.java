package care.m2m.gateway.tickets;

import care.m2m.gateway.support.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ticket rung end to end, as field service sees it: real firmware over MQTT, the field-service API and a
 * real webhook receiver. Runs once per records database (see the subclasses).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class TicketScenarios extends TicketEndToEndSuite {

    @Test
    void aFailingRepairOpensOneCompleteTicketThatRepeatsUpdateAndRecoveryResolves() throws Exception {
        startGateway(true);
        DeviceCredentials creds = gateway.register("espresso-t1", "coffee-espresso-x1");
        customer("cust-espresso-t1", "{\"region\":\"north\",\"contactPreference\":\"email\"}");
        try (Mqtt5Device device = firmware(creds)) {
            for (int i = 0; i < 5; i++) {
                telemetry(device, "{\"boiler_temp_c\":%d}".formatted(92 + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.telemetry(creds.id()).getJsonArray("points").size() == 5);
            event(device, "error", "E_GRINDER_JAM");
            JsonObject command = nextCommand(device);
            assertThat(command.getString("action")).isEqualTo("clear_grinder");
            answer(device, command, "failed");

            // THEN exactly one ticket, with everything a technician needs
            JsonObject ticket = onlyTicket();
            assertThat(ticket.getString("status")).isEqualTo("OPEN");
            assertThat(ticket.getString("quadrant")).isEqualTo("A");
            assertThat(ticket.getString("priority")).isEqualTo("P4");
            assertThat(Duration.between(Instant.parse(ticket.getString("openedAt")),
                    Instant.parse(ticket.getString("dueAt")))).isEqualTo(Duration.ofDays(7));
            assertThat(ticket.getJsonObject("device").getString("model")).isEqualTo("coffee-espresso-x1");
            assertThat(ticket.getJsonObject("device").containsKey("firmware")).isTrue();
            assertThat(ticket.getJsonObject("customer").encode()).contains("\"ref\":\"cust-espresso-t1\"",
                    "\"region\":\"north\"", "\"contactPreference\":\"email\"").doesNotContain("vulnerable", "segment");
            JsonObject fault = ticket.getJsonArray("faults").getJsonObject(0);
            assertThat(fault.getString("code")).isEqualTo("E_GRINDER_JAM");
            assertThat(fault.getString("firstSeen")).isNotNull();
            assertThat(fault.getString("lastSeen")).isNotNull();
            assertThat(fault.getJsonArray("repairAttempts").getJsonObject(0).getString("outcome")).isEqualTo("COMMAND_FAILED");
            assertThat(ticket.getJsonArray("telemetryExcerpt")).hasSize(5);
            assertThat(ticket.getJsonObject("value").getJsonArray("reasons").encode()).contains("quadrant A");
            assertThat(notes(ticket)).contains("opened on escalation of E_GRINDER_JAM", "self-repair failed");
            assertThat(gateway.metric("m2mcare_tickets_opened_total", "quadrant=\"A\"", "priority=\"P4\"")).isEqualTo(1.0);

            // WHEN the fault returns (a repeat) and self-repair fails again, THEN the same ticket is updated
            event(device, "cleared", "E_GRINDER_JAM");
            event(device, "error", "E_GRINDER_JAM");
            answer(device, nextCommand(device), "failed");
            await().atMost(Duration.ofSeconds(20)).until(() -> notes(ticket(ticket.getString("id"))).contains("escalated"));
            assertThat(tickets("")).hasSize(1);
            assertThat(notes(ticket(ticket.getString("id")))).contains("returned");

            // WHEN the device recovers and stays healthy, THEN the ticket resolves itself
            event(device, "cleared", "E_GRINDER_JAM");
            await().atMost(Duration.ofSeconds(20)).until(() -> ticket(ticket.getString("id")).getString("status").equals("RESOLVED"));
            JsonObject resolved = ticket(ticket.getString("id"));
            assertThat(resolved.getBoolean("autoResolved")).isTrue();
            assertThat(notes(resolved)).contains("auto-resolved: the device reported healthy");
            assertThat(gateway.metric("m2mcare_tickets_auto_resolved_total")).isEqualTo(1.0);

            // WHEN the same fault returns within the reopen window, THEN the ticket reopens rather than duplicating
            event(device, "error", "E_GRINDER_JAM");
            await().atMost(Duration.ofSeconds(10)).until(() -> ticket(ticket.getString("id")).getInteger("reopenCount") == 1);
            assertThat(ticket(ticket.getString("id")).getString("status")).isEqualTo("OPEN");
            assertThat(tickets("")).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.types().contains("reopened"));
        assertThat(receiver.types()).startsWith("opened").contains("updated", "resolved").endsWith("reopened");
        assertThat(new HashSet<>(receiver.keys())).hasSameSizeAs(receiver.keys());
        assertThat(receiver.deliveries).allMatch(WebhookReceiver.Delivery::validSignature);
    }

    @Test
    void aHighHighFaultOpensATicketAtOnceWhileSelfRepairStillRuns() throws Exception {
        startGateway(true);
        DeviceCredentials creds = gateway.register("heatpump-t1", "heatpump-air-w9");
        customer("cust-heatpump-t1", "{\"vulnerable\":true,\"region\":\"south\",\"contactPreference\":\"phone\"}");
        try (Mqtt5Device device = firmware(creds)) {
            telemetry(device, "{\"outdoor_temp_c\":-3,\"indoor_temp_c\":15}");
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.telemetry(creds.id()).getJsonArray("points").size() == 1);
            event(device, "error", "E_COMPRESSOR_FAIL");
            assertThat(nextCommand(device).getString("action")).isEqualTo("restart_compressor");

            JsonObject ticket = onlyTicket();
            assertThat(deviceFault(creds.id()).getString("ladder")).isEqualTo("REPAIRING");
            assertThat(ticket.getString("quadrant")).isEqualTo("C");
            assertThat(ticket.getString("priority")).isEqualTo("P1");
            assertThat(notes(ticket)).contains("opened at once");
            assertThat(ticket.getJsonObject("value").getJsonArray("reasons").encode())
                    .contains("vulnerable", "-3.0 °C outside");

            // WHEN another fault of the same device follows, THEN it is grouped on the same ticket
            event(device, "error", "E_LOW_FLOW");
            await().atMost(Duration.ofSeconds(10)).until(() -> ticket(ticket.getString("id")).getJsonArray("faults").size() == 2);
            assertThat(tickets("")).hasSize(1);
            assertThat(ticket(ticket.getString("id")).getJsonArray("faultCodes")).containsExactly("E_COMPRESSOR_FAIL", "E_LOW_FLOW");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ticket(tickets("").getJsonObject(0).getString("id"))
                .getJsonArray("tipsGiven").encode().contains("A technician is on it"));
        assertThat(tickets("?priority=P1&region=south")).hasSize(1);
        assertThat(tickets("?region=north")).isEmpty();
        assertThat(gateway.metric("m2mcare_tickets_opened_total", "quadrant=\"C\"", "priority=\"P1\"")).isEqualTo(1.0);

        String id = tickets("").getJsonObject(0).getString("id");
        assertThat(fieldGet("/api/v1/tickets/" + id, null).statusCode()).isEqualTo(401);
        assertThat(fieldGet("/api/v1/tickets/" + id, RunningGateway.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(fieldPost("/api/v1/tickets/" + id + "/transitions", "{\"to\":\"ACKNOWLEDGED\"}").statusCode()).isEqualTo(200);
        assertThat(fieldPost("/api/v1/tickets/" + id + "/transitions", "{\"to\":\"IN_PROGRESS\"}").statusCode()).isEqualTo(200);
        var outcome = fieldPost("/api/v1/tickets/" + id + "/outcome", "{\"outcome\":\"PART_REPLACED\",\"note\":\"new compressor\"}");
        assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(200);
        assertThat(new JsonObject(outcome.body()).getString("status")).isEqualTo("RESOLVED");
        assertThat(fieldPost("/api/v1/tickets/" + id + "/transitions", "{\"to\":\"IN_PROGRESS\"}").statusCode()).isEqualTo(409);

        JsonObject report = new JsonObject(fieldGet("/api/v1/reports/service", FIELD_TOKEN).body());
        assertThat(report.getJsonObject("ticketsByQuadrant").getLong("C")).isEqualTo(1L);
        assertThat(report.getJsonObject("ticketsByPriority").getLong("P1")).isEqualTo(1L);
        assertThat(report.getJsonObject("faultToTicketSeconds").getLong("tickets")).isEqualTo(1L);
        JsonObject outcomes = report.getJsonArray("outcomesByFaultCode").getJsonObject(0);
        assertThat(outcomes.getString("faultCode")).isEqualTo("E_COMPRESSOR_FAIL");
        assertThat(outcomes.getDouble("falseAlarmRate")).isEqualTo(0.0);
    }

    @Test
    void aReceiverThatIsDownThenBackGetsEveryEventOnceSignedAndInOrder() throws Exception {
        startGateway(false);
        DeviceCredentials creds = gateway.register("espresso-t2", "coffee-espresso-x1");
        try (Mqtt5Device device = firmware(creds)) {
            event(device, "error", "E_WATER_TANK_EMPTY");
        }
        String id = onlyTicket().getString("id");
        assertThat(fieldPost("/api/v1/tickets/" + id + "/transitions", "{\"to\":\"ACKNOWLEDGED\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.metric("m2mcare_webhook_deliveries_total", "result=\"failed\"") >= 3);

        receiver.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries.size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries.size() == 2);
        assertThat(receiver.types()).containsExactly("opened", "updated");
        assertThat(new HashSet<>(receiver.keys())).hasSize(2);
        assertThat(receiver.deliveries).allMatch(WebhookReceiver.Delivery::validSignature);
        assertThat(receiver.deliveries.get(0).body().getString("id")).isEqualTo(receiver.deliveries.get(0).key());
        assertThat(receiver.deliveries.get(1).body().getJsonObject("ticket").getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(ticket(id).getJsonArray("webhookEvents").stream().map(e -> ((JsonObject) e).getString("deliveredAt")))
                .doesNotContainNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> ticket(id).getJsonArray("tipsGiven").size() == 1);
        assertThat(ticket(id).getJsonArray("tipsGiven").getJsonObject(0).getString("text")).contains("Refill the water tank");
    }

    @Test
    void aVerifiedSelfRepairPreventsTheContactAndOpensNoTicket() throws Exception {
        startGateway(true);
        DeviceCredentials creds = gateway.register("espresso-t3", "coffee-espresso-x1");
        try (Mqtt5Device device = firmware(creds)) {
            event(device, "error", "E_GRINDER_JAM");
            answer(device, nextCommand(device), "executed");
            event(device, "cleared", "E_GRINDER_JAM");
            await().atMost(Duration.ofSeconds(10)).until(() -> deviceFault(creds.id()).getString("ladder").equals("REPAIRED"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.metric("m2mcare_contacts_prevented_total") == 1.0);
        assertThat(tickets("")).isEmpty();
        JsonObject report = new JsonObject(fieldGet("/api/v1/reports/service", FIELD_TOKEN).body());
        assertThat(report.getLong("contactsPrevented")).isEqualTo(1L);
        String decisions = gateway.get("/api/v1/devices/" + creds.id() + "/ticket-decisions").body();
        assertThat(decisions).contains("quadrant A", "no ticket unless automation fails", "no ticket was needed");
        assertThat(receiver.deliveries).isEmpty();
    }
}
