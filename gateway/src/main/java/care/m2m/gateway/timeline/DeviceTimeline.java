package care.m2m.gateway.timeline;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.commands.CommandRecord;
import care.m2m.gateway.commands.CommandStore;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultStore;
import care.m2m.gateway.events.DeviceEventLog;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Everything that happened to one device, newest first, so whoever helps the customer next (a person or the
 * machine) has the full picture: faults and what the ladder did, commands and repairs, tips, the device's own
 * events, and a summary of the last day of telemetry. Blocking reads: call from a worker.
 */
public final class DeviceTimeline {

    private static final int PER_KIND = 50;

    private final FaultStore faults;
    private final CommandStore commands;
    private final TipStore tips;
    private final DeviceEventLog.Reader events;
    private final TelemetryStore telemetry;
    private final Clock clock;

    public DeviceTimeline(FaultStore faults, CommandStore commands, TipStore tips, DeviceEventLog.Reader events,
            TelemetryStore telemetry, Clock clock) {
        this.faults = faults;
        this.commands = commands;
        this.tips = tips;
        this.events = events;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    public JsonObject of(String deviceId) {
        List<JsonObject> entries = new ArrayList<>();
        for (Fault f : faults.ofDevice(deviceId, PER_KIND)) {
            entries.add(entry(f.firstSeen(), "fault", f.code() + " (" + f.severity().name().toLowerCase() + "): "
                    + f.detail()).put("status", f.status().name()).put("ladder", f.ladder().name())
                    .put("ladderNote", f.ladderNote()));
            if (f.clearedAt() != null) {
                entries.add(entry(f.clearedAt(), "fault_cleared", f.code() + " cleared"));
            }
        }
        for (CommandRecord c : commands.ofDevice(deviceId, PER_KIND)) {
            entries.add(entry(c.createdAt(), c.origin() == CommandRecord.Origin.REPAIR ? "automatic_repair" : "command",
                    c.action() + ": " + c.status().name().toLowerCase()).put("commandId", c.id()));
        }
        for (TipRecord t : tips.ofDevice(deviceId, PER_KIND)) {
            entries.add(entry(t.createdAt(), "tip", t.title()).put("tipId", t.id()).put("state", t.state().name()));
        }
        for (DeviceEventLog.Entry e : events.recentBlocking(deviceId, PER_KIND)) {
            entries.add(entry(e.occurredAt(), "device_" + e.kind(), e.code() == null ? String.valueOf(e.text()) : e.code()));
        }
        entries.sort(Comparator.comparing((JsonObject j) -> j.getString("at")).reversed());
        return new JsonObject().put("deviceId", deviceId).put("telemetry", summary(deviceId))
                .put("entries", new JsonArray(new ArrayList<>(entries)));
    }

    private JsonObject summary(String deviceId) {
        Instant to = clock.instant();
        List<TelemetryPoint> points = telemetry.query(new TelemetryQuery(deviceId, to.minus(Duration.ofDays(1)), to,
                Set.of(), TelemetryQuery.MAX_LIMIT));
        JsonObject latest = new JsonObject();
        points.forEach(p -> p.values().forEach((name, value) -> latest.put(name, raw(value))));
        return new JsonObject().put("pointsLastDay", points.size())
                .put("lastAt", points.isEmpty() ? null : points.get(points.size() - 1).timestamp().toString())
                .put("latest", latest);
    }

    private static Object raw(MetricValue value) {
        return value.raw();
    }

    private static JsonObject entry(Instant at, String kind, String text) {
        return new JsonObject().put("at", at.toString()).put("kind", kind).put("text", text);
    }
}
