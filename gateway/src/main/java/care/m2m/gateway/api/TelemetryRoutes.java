package care.m2m.gateway.api;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.events.DeviceEventLog;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading back what devices sent: {@code GET /api/v1/devices/{id}/telemetry} for a time range (default the
 * last hour) and {@code GET /api/v1/devices/{id}/events} for the newest events and command results.
 */
final class TelemetryRoutes {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);
    private static final int DEFAULT_LIMIT = 1000;

    private final TelemetryStore store;
    private final DeviceEventLog events;
    private final WorkerExecutor workers;
    private final Clock clock;

    TelemetryRoutes(TelemetryStore store, DeviceEventLog events, WorkerExecutor workers, Clock clock) {
        this.store = store;
        this.events = events;
        this.workers = workers;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/api/v1/devices/:id/telemetry").handler(this::telemetry);
        router.get("/api/v1/devices/:id/events").handler(this::events);
    }

    private void telemetry(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Instant to = Json.instantParam(ctx, "to", clock.instant());
        Instant from = Json.instantParam(ctx, "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw Problem.badRequest("from: expected an instant before 'to' (" + to + "), got " + from);
        }
        int limit = Json.intParam(ctx, "limit", DEFAULT_LIMIT, 1, TelemetryQuery.MAX_LIMIT);
        String metricsParam = ctx.queryParams().get("metrics");
        Set<String> metrics = metricsParam == null ? Set.of()
                : Arrays.stream(metricsParam.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        TelemetryQuery query = new TelemetryQuery(id, from, to, metrics, limit);
        workers.executeBlocking(() -> store.query(query), false)
                .onSuccess(points -> {
                    JsonArray items = new JsonArray();
                    points.forEach(p -> items.add(toJson(p)));
                    Json.ok(ctx, new JsonObject().put("deviceId", id).put("from", from.toString())
                            .put("to", to.toString()).put("store", store.kind()).put("points", items));
                })
                .onFailure(e -> ctx.fail(Problem.unavailable("the telemetry store did not answer: " + e.getMessage())));
    }

    private void events(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit = Json.intParam(ctx, "limit", 100, 1, 1000);
        events.recent(id, limit).onSuccess(entries -> {
            JsonArray items = new JsonArray();
            entries.forEach(e -> items.add(new JsonObject()
                    .put("occurredAt", e.occurredAt().toString())
                    .put("receivedAt", e.receivedAt().toString())
                    .put("kind", e.kind())
                    .put("code", e.code())
                    .put("text", e.text())
                    .put("data", new JsonObject(e.data()))));
            Json.ok(ctx, new JsonObject().put("deviceId", id).put("events", items));
        }).onFailure(e -> ctx.fail(Problem.unavailable("the records database did not answer: " + e.getMessage())));
    }

    private static JsonObject toJson(TelemetryPoint point) {
        JsonObject values = new JsonObject();
        point.values().forEach((name, value) -> values.put(name, raw(value)));
        return new JsonObject().put("ts", point.timestamp().toString()).put("values", values);
    }

    private static Object raw(MetricValue value) {
        return value.raw();
    }
}
