package care.m2m.gateway.api;

import care.m2m.advisor.effect.EffectEstimate;
import care.m2m.advisor.effect.ProportionDifference;
import care.m2m.gateway.repair.RepairEffect;
import care.m2m.gateway.repair.RepairEffect.ArmFigures;
import care.m2m.gateway.repair.RepairEffect.CodeEffect;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/repairs/effect?horizon=P7D&code=E_...}: what self-repair does for repeat faults and time
 * to clear, against faults held out of self-repair at random, per fault code and overall (next to the repair
 * summary, with the same admin token).
 */
public final class RepairEffectRoutes implements RouteGroup {

    static final Duration MIN_HORIZON = Duration.ofSeconds(1);
    static final Duration MAX_HORIZON = Duration.ofDays(90);
    private static final Pattern FAULT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,47}");

    private final RepairEffect effect;
    private final Duration defaultHorizon;
    private final WorkerExecutor workers;

    public RepairEffectRoutes(RepairEffect effect, Duration defaultHorizon, WorkerExecutor workers) {
        this.effect = effect;
        this.defaultHorizon = defaultHorizon;
        this.workers = workers;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/repairs/effect").handler(this::effect);
    }

    private void effect(RoutingContext ctx) {
        Duration horizon = horizon(ctx.queryParams().get("horizon"));
        String code = ctx.queryParams().get("code");
        if (code != null && !FAULT_CODE.matcher(code).matches()) {
            throw Problem.badRequest("code: expected a fault code such as E_BOILER_OVERHEAT, got '" + code + "'");
        }
        workers.executeBlocking(() -> effect.measure(horizon, code, Instant.now()), false).onSuccess(effects -> {
            JsonArray items = new JsonArray();
            effects.forEach(e -> items.add(json(e)));
            Json.ok(ctx, new JsonObject().put("horizon", horizon.toString()).put("confidence", RepairEffect.CONFIDENCE)
                    .put("method", new JsonObject()
                            .put("repeatRate", "repaired minus held-out share of faults back within the horizon"
                                    + " (reopened, or raised again on the same device); Newcombe hybrid score interval")
                            .put("hoursToClear", "repaired minus held-out mean hours from first seen to cleared, capped"
                                    + " at the horizon; percentile bootstrap over faults"))
                    .put("effects", items));
        }).onFailure(ctx::fail);
    }

    private Duration horizon(String text) {
        if (text == null || text.isBlank()) {
            return defaultHorizon;
        }
        Duration horizon;
        try {
            horizon = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("horizon: expected an ISO-8601 duration such as P7D or PT12H, got '" + text + "'");
        }
        if (horizon.compareTo(MIN_HORIZON) < 0 || horizon.compareTo(MAX_HORIZON) > 0) {
            throw Problem.badRequest("horizon: expected " + MIN_HORIZON + " to " + MAX_HORIZON + ", got " + horizon);
        }
        return horizon;
    }

    private static JsonObject json(CodeEffect e) {
        JsonObject o = new JsonObject().put("faultCode", e.faultCode()).put("repaired", arm(e.repaired()))
                .put("heldOut", arm(e.heldOut()));
        ProportionDifference r = e.repeat();
        o.put("repeatRateDifference", r == null ? null : new JsonObject().put("difference", r.difference())
                .put("low", r.low()).put("high", r.high()).put("significant", r.significant()));
        EffectEstimate t = e.hoursToClear();
        o.put("hoursToClearDifference", t == null ? null : new JsonObject().put("difference", t.effect())
                .put("low", t.low()).put("high", t.high()).put("significant", t.significant()));
        return o;
    }

    private static JsonObject arm(ArmFigures a) {
        return new JsonObject().put("faults", a.faults()).put("repeats", a.repeats())
                .put("repeatRate", finite(a.repeatRate())).put("meanHoursToClear", finite(a.meanHoursToClear()));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
