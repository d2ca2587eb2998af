package care.m2m.gateway.web;

import care.m2m.gateway.tickets.Ticket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the ticket API's JSON into what a technician reads: due times with overdue marked, statuses in
 * words, the transitions the ticket allows next, and the telemetry excerpt as chart data.
 */
final class TicketView {

    private TicketView() {
    }

    static Map<String, Object> summary(JsonObject t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getString("id"));
        m.put("shortId", t.getString("id").length() > 8 ? t.getString("id").substring(0, 8) : t.getString("id"));
        m.put("status", words(t.getString("status")));
        m.put("priority", t.getString("priority"));
        m.put("quadrant", t.getString("quadrant"));
        String due = t.getString("dueAt");
        m.put("due", due == null ? "—" : CustomerView.time(Instant.parse(due)));
        m.put("overdue", due != null && Instant.parse(due).isBefore(now)
                && Ticket.Status.valueOf(t.getString("status")).working());
        JsonObject device = t.getJsonObject("device", new JsonObject());
        m.put("deviceId", device.getString("id", ""));
        m.put("model", device.getString("model", ""));
        m.put("firmware", text(device.getString("firmware")));
        JsonObject customer = t.getJsonObject("customer", new JsonObject());
        m.put("customerRef", text(customer.getString("ref")));
        m.put("region", text(customer.getString("region")));
        m.put("location", text(customer.getString("location")));
        m.put("contact", text(customer.getString("contactPreference")));
        m.put("faultCodes", String.join(", ", t.getJsonArray("faultCodes", new JsonArray()).stream()
                .map(String::valueOf).toList()));
        m.put("outcome", t.getString("outcome") == null ? "" : words(t.getString("outcome")));
        m.put("outcomeNote", text(t.getString("outcomeNote")));
        m.put("openedAt", time(t.getString("openedAt")));
        return m;
    }

    /** The summary plus faults with their repair attempts, tips, notes, next steps and chart data. */
    static Map<String, Object> detail(JsonObject t, Instant now) {
        Map<String, Object> m = summary(t, now);
        List<Map<String, Object>> faults = new ArrayList<>();
        for (Object o : t.getJsonArray("faults", new JsonArray())) {
            JsonObject f = (JsonObject) o;
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("code", f.getString("code"));
            fault.put("detail", text(f.getString("detail")));
            fault.put("status", words(f.getString("status", "")));
            fault.put("ladder", words(f.getString("ladder", "")));
            fault.put("ladderNote", text(f.getString("ladderNote")));
            fault.put("firstSeen", time(f.getString("firstSeen")));
            List<Map<String, Object>> attempts = new ArrayList<>();
            for (Object a : f.getJsonArray("repairAttempts", new JsonArray())) {
                JsonObject attempt = (JsonObject) a;
                attempts.add(Map.of("attempt", attempt.getValue("attempt"), "action", attempt.getString("action"),
                        "outcome", words(attempt.getString("outcome")), "startedAt", time(attempt.getString("startedAt"))));
            }
            fault.put("attempts", attempts);
            faults.add(fault);
        }
        m.put("faults", faults);
        List<Map<String, Object>> tips = new ArrayList<>();
        t.getJsonArray("tipsGiven", new JsonArray()).forEach(o -> tips.add(Map.of("title",
                ((JsonObject) o).getString("title"), "state", words(((JsonObject) o).getString("state")))));
        m.put("tips", tips);
        List<Map<String, Object>> notes = new ArrayList<>();
        t.getJsonArray("notes", new JsonArray()).forEach(o -> notes.add(Map.of("at",
                time(((JsonObject) o).getString("at")), "text", text(((JsonObject) o).getString("text")))));
        m.put("notes", notes);
        m.put("reasons", Templates.plain(t.getJsonObject("value", new JsonObject()).getJsonArray("reasons", new JsonArray())));
        ChartSeries chart = new ChartSeries();
        for (Object o : t.getJsonArray("telemetryExcerpt", new JsonArray())) {
            JsonObject p = (JsonObject) o;
            chart.add(p.getString("ts"), p.getJsonObject("metrics", new JsonObject()).getMap());
        }
        m.put("chartPoints", chart.size());
        m.put("chart", chart.toJson().encode());
        Ticket.Status status = Ticket.Status.valueOf(t.getString("status"));
        List<Map<String, Object>> next = new ArrayList<>();
        for (Ticket.Status to : Ticket.Status.values()) {
            if (status.mayBecome(to)) {
                next.add(Map.of("value", to.name(), "label", words(to.name())));
            }
        }
        m.put("transitions", next);
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (Ticket.Outcome o : Ticket.Outcome.values()) {
            outcomes.add(Map.of("value", o.name(), "label", words(o.name())));
        }
        m.put("outcomes", outcomes);
        return m;
    }

    static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String time(String iso) {
        return iso == null ? "" : CustomerView.time(Instant.parse(iso));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
