package care.m2m.gateway.web;

import care.m2m.gateway.devices.Device;
import care.m2m.gateway.tips.Preferences;
import care.m2m.gateway.tips.Preferences.Channel;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipRecord.State;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns records into what a customer reads: plain words for states, money and energy with units, times with
 * their zone. Kept apart from the routes so the wording lives in one place.
 */
final class CustomerView {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<State> OPEN = Set.of(State.DELIVERED, State.READ, State.SNOOZED);
    private static final Set<State> FINISHED = Set.of(State.DONE, State.DISMISSED);

    private CustomerView() {
    }

    static Map<String, Object> device(Device d, boolean online) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("model", d.model());
        m.put("location", d.location() == null ? "" : d.location());
        m.put("online", online);
        m.put("status", online ? "Online" : "Offline");
        m.put("lastSeen", d.lastSeenAt() == null ? "never" : time(d.lastSeenAt()));
        return m;
    }

    /** Open tips (with actions) and finished ones, plus what the finished ones save per month. */
    static Map<String, Object> tips(List<TipRecord> all) {
        List<Map<String, Object>> open = new ArrayList<>();
        List<Map<String, Object>> finished = new ArrayList<>();
        double savedEur = 0;
        double savedKwh = 0;
        for (TipRecord t : all) {
            if (OPEN.contains(t.state())) {
                open.add(tip(t));
            } else if (FINISHED.contains(t.state())) {
                finished.add(tip(t));
                if (t.state() == State.DONE) {
                    savedEur += t.benefitEur() == null ? 0 : t.benefitEur();
                    savedKwh += t.benefitKwh() == null ? 0 : t.benefitKwh();
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("openTips", open);
        m.put("finishedTips", finished);
        m.put("saved", savedEur == 0 && savedKwh == 0 ? "" : benefit(savedKwh, savedEur));
        return m;
    }

    static Map<String, Object> tip(TipRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("deviceId", t.deviceId());
        m.put("title", t.title());
        m.put("text", t.text());
        m.put("state", t.state().name().toLowerCase(Locale.ROOT));
        m.put("stateLabel", stateLabel(t));
        m.put("benefit", t.benefitEur() == null && t.benefitKwh() == null ? ""
                : benefit(t.benefitKwh() == null ? 0 : t.benefitKwh(), t.benefitEur() == null ? 0 : t.benefitEur()));
        m.put("when", time(t.deliveredAt() == null ? t.createdAt() : t.deliveredAt()));
        return m;
    }

    private static String stateLabel(TipRecord t) {
        return switch (t.state()) {
            case DELIVERED -> "New";
            case READ -> "Read";
            case SNOOZED -> t.deliverAfter() == null ? "Remind me later" : "Reminder on " + time(t.deliverAfter());
            case DONE -> "Done";
            case DISMISSED -> "Not relevant";
            default -> t.state().name().toLowerCase(Locale.ROOT);
        };
    }

    static String benefit(double kwh, double eur) {
        List<String> parts = new ArrayList<>();
        if (eur > 0) {
            parts.add(String.format(Locale.ROOT, "€%.2f", eur));
        }
        if (kwh > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f kWh", kwh));
        }
        return parts.isEmpty() ? "" : "saves about " + String.join(" and ", parts) + " a month";
    }

    static Map<String, Object> preferences(Preferences p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", p.channels().contains(Channel.DEVICE));
        m.put("web", p.channels().contains(Channel.WEB));
        m.put("webhook", p.channels().contains(Channel.WEBHOOK));
        m.put("quietStart", p.quietStart().toString());
        m.put("quietEnd", p.quietEnd().toString());
        m.put("timeZone", p.zone().getId());
        m.put("maxPerWeek", p.maxPerWeek());
        m.put("optedOut", p.optedOut());
        return m;
    }

    /** A timeline entry from {@code DeviceTimeline}, its kind in words. */
    static Map<String, Object> entry(JsonObject e) {
        Map<String, Object> m = new LinkedHashMap<>();
        String kind = e.getString("kind", "");
        m.put("kind", kind);
        m.put("kindLabel", switch (kind) {
            case "fault" -> "Problem detected";
            case "fault_cleared" -> "Problem solved";
            case "automatic_repair" -> "Automatic repair";
            case "command" -> "Command";
            case "tip" -> "Tip";
            default -> kind.startsWith("device_") ? "Reported by the device" : kind;
        });
        m.put("at", time(Instant.parse(e.getString("at"))));
        m.put("text", e.getString("text", ""));
        return m;
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
