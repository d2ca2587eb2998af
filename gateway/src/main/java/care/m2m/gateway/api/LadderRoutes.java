package care.m2m.gateway.api;

import care.m2m.gateway.commands.CommandRecord;
import care.m2m.gateway.commands.CommandStore;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultStore;
import care.m2m.gateway.ladder.ServiceLadder;
import care.m2m.gateway.repair.RepairAttempt;
import care.m2m.gateway.repair.RepairAttemptStore;
import care.m2m.gateway.repair.RepairAttemptStore.RepairSummary;
import care.m2m.contracts.models.ModelCatalog;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service ladder over HTTP: a device's faults with every repair attempt, its commands with their states,
 * an operator's command through the same channel, and the fleet summary of what self-repair achieves per
 * fault code and action.
 */
public final class LadderRoutes implements RouteGroup {


    /** What these routes read and call. */
    public record Dependencies(ServiceLadder ladder, DeviceDirectory directory, ModelCatalog models, FaultStore faults,
            CommandStore commands, RepairAttemptStore attempts, WorkerExecutor workers) {
    }

    private final Dependencies deps;

    public LadderRoutes(Dependencies deps) {
        this.deps = deps;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/devices/:id/faults").handler(this::faults);
        router.get("/api/v1/devices/:id/commands").handler(this::commands);
        router.post("/api/v1/devices/:id/commands").handler(this::submit);
        router.get("/api/v1/repairs/summary").handler(this::summary);
    }

    private void faults(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit = Json.intParam(ctx, "limit", 50, 1, 500);
        deps.workers().executeBlocking(() -> {
            JsonArray items = new JsonArray();
            for (Fault f : deps.faults().ofDevice(id, limit)) {
                JsonArray attempts = new JsonArray();
                deps.attempts().ofFault(f.id()).forEach(a -> attempts.add(attempt(a)));
                items.add(fault(f).put("repairAttempts", attempts));
            }
            return new JsonObject().put("deviceId", id).put("faults", items);
        }, false).onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
    }

    private void commands(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit = Json.intParam(ctx, "limit", 50, 1, 500);
        deps.workers().executeBlocking(() -> deps.commands().ofDevice(id, limit), false).onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.forEach(c -> items.add(command(c)));
            Json.ok(ctx, new JsonObject().put("deviceId", id).put("commands", items));
        }).onFailure(ctx::fail);
    }

    private void submit(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        CommandBody body = CommandBody.of(Json.body(ctx));
        String action = body.action();
        deps.directory().find(id).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(Problem.notFound("no device with id '" + id + "'"));
            }
            String model = found.get().model();
            boolean known = deps.models().find(model).flatMap(m -> m.action(action)).isPresent();
            if (!known) {
                return Future.failedFuture(Problem.badRequest("action: expected an action of model " + model
                        + ", got '" + action + "'"));
            }
            return deps.ladder().submitCommand(id, action, body.params(), body.ttl());
        }).onSuccess(c -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .putHeader("Location", "/api/v1/devices/" + id + "/commands").end(command(c).encode()))
                .onFailure(ctx::fail);
    }

    private void summary(RoutingContext ctx) {
        deps.workers().executeBlocking(() -> deps.attempts().summary(), false).onSuccess(rows -> {
            Map<String, JsonObject> byKey = new LinkedHashMap<>();
            for (RepairSummary row : rows) {
                JsonObject entry = byKey.computeIfAbsent(row.faultCode() + "|" + row.action(), k -> new JsonObject()
                        .put("faultCode", row.faultCode()).put("action", row.action()).put("attempts", 0L)
                        .put("outcomes", new JsonObject()));
                entry.put("attempts", entry.getLong("attempts") + row.count());
                entry.getJsonObject("outcomes").put(row.outcome().name().toLowerCase(), row.count());
            }
            JsonArray items = new JsonArray();
            byKey.values().forEach(e -> {
                long verified = e.getJsonObject("outcomes").getLong("verified", 0L);
                long decided = e.getLong("attempts") - e.getJsonObject("outcomes").getLong("pending", 0L);
                e.put("verifiedRate", decided == 0 ? null : (double) verified / decided);
                items.add(e);
            });
            Json.ok(ctx, new JsonObject().put("repairs", items));
        }).onFailure(ctx::fail);
    }

    static JsonObject fault(Fault f) {
        return new JsonObject().put("id", f.id()).put("code", f.code()).put("severity", f.severity().name())
                .put("status", f.status().name()).put("source", f.source().name()).put("detail", f.detail())
                .put("firstSeen", f.firstSeen().toString()).put("lastSeen", f.lastSeen().toString())
                .put("clearedAt", f.clearedAt() == null ? null : f.clearedAt().toString())
                .put("occurrences", f.occurrences()).put("flapCount", f.flapCount()).put("flapping", f.flapping())
                .put("ladder", f.ladder().name()).put("ladderNote", f.ladderNote());
    }

    static JsonObject attempt(RepairAttempt a) {
        return new JsonObject().put("attempt", a.attempt()).put("action", a.action()).put("commandId", a.commandId())
                .put("startedAt", a.startedAt().toString())
                .put("finishedAt", a.finishedAt() == null ? null : a.finishedAt().toString())
                .put("outcome", a.outcome().name());
    }

    static JsonObject command(CommandRecord c) {
        return new JsonObject().put("id", c.id()).put("action", c.action()).put("params", new JsonObject(c.params()))
                .put("origin", c.origin().name()).put("faultId", c.faultId()).put("status", c.status().name())
                .put("createdAt", c.createdAt().toString()).put("expiresAt", c.expiresAt().toString())
                .put("sendCount", c.sendCount()).put("sentAt", str(c.sentAt())).put("deliveredAt", str(c.deliveredAt()))
                .put("completedAt", str(c.completedAt())).put("resultCode", c.resultCode()).put("resultText", c.resultText());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
