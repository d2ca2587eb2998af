package care.m2m.gateway.api;

import care.m2m.gateway.advice.AdviceJob;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.tips.TipEffectiveness;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The usage advisor for operators: {@code POST /api/v1/admin/devices/{id}/advice} runs it for one device now;
 * {@code GET /api/v1/admin/tips/effectiveness?kind=...} says whether a kind of tip works, measured against
 * the held-out control group.
 */
public final class AdviceRoutes implements RouteGroup {

    private final AdviceJob advice;
    private final TipEffectiveness effectiveness;
    private final DeviceDirectory directory;
    private final WorkerExecutor workers;

    public AdviceRoutes(AdviceJob advice, TipEffectiveness effectiveness, DeviceDirectory directory,
            WorkerExecutor workers) {
        this.advice = advice;
        this.effectiveness = effectiveness;
        this.directory = directory;
        this.workers = workers;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/v1/admin/devices/:id/advice").handler(this::advise);
        router.get("/api/v1/admin/tips/effectiveness").handler(this::effectiveness);
    }

    private void effectiveness(RoutingContext ctx) {
        String kind = ctx.queryParams().get("kind");
        if (kind == null || kind.isBlank()) {
            throw Problem.badRequest("kind: required, e.g. idle_waste or shift_to_cheap_hours");
        }
        String metric = ctx.queryParams().contains("metric") ? ctx.queryParams().get("metric") : "energy_wh_total";
        int days = Json.intParam(ctx, "days", 7, 1, 90);
        workers.executeBlocking(() -> effectiveness.measure(kind, metric, Duration.ofDays(days), Instant.now()), false)
                .onSuccess(estimate -> {
                    JsonObject body = new JsonObject().put("kind", kind).put("metric", metric).put("windowDays", days);
                    estimate.ifPresentOrElse(e -> body.put("effectPerDay", e.effect()).put("low", e.low())
                                    .put("high", e.high()).put("confidence", e.confidence())
                                    .put("relativeEffect", e.relativeEffect()).put("significant", e.significant())
                                    .put("treatedDevices", e.treated()).put("controlDevices", e.control()),
                            () -> body.put("note", "not enough devices with complete windows in both groups yet"));
                    Json.ok(ctx, body);
                }).onFailure(ctx::fail);
    }

    private void advise(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        directory.find(id).compose(found -> found.isEmpty()
                        ? Future.<Integer>failedFuture(Problem.notFound("no device with id '" + id + "'"))
                        : workers.executeBlocking(() -> advice.advise(found.get()), false))
                .onSuccess(n -> Json.ok(ctx, new JsonObject().put("deviceId", id).put("tipsProposed", n)))
                .onFailure(ctx::fail);
    }
}
