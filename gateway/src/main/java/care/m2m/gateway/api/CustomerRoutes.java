package care.m2m.gateway.api;

import care.m2m.gateway.audit.AuditTrail;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.timeline.DeviceTimeline;
import care.m2m.gateway.tips.CustomerStore;
import care.m2m.gateway.tips.Preferences;
import care.m2m.gateway.tips.TipEvents;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipService;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * The customer API: each customer, authenticated by their own bearer token, sees only their own devices, tips
 * and preferences, and gets live updates as server-sent events. Operators issue the tokens.
 */
public final class CustomerRoutes implements RouteGroup {

    static final String CUSTOMER = AuditTrail.CUSTOMER_KEY;

    /** What these routes read and call. */
    public record Dependencies(CustomerStore customers, TipService tips, TipEvents events, DeviceRegistry registry,
            DeviceTimeline timeline, WorkerExecutor workers) {
    }

    private final Dependencies deps;

    public CustomerRoutes(Dependencies deps) {
        this.deps = deps;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/v1/admin/customers/:ref/tokens").handler(this::issueToken);
        router.route("/api/v1/customer/*").handler(this::authenticate);
        router.get("/api/v1/customer/devices").handler(this::devices);
        router.get("/api/v1/customer/devices/:id/timeline").handler(this::timeline);
        router.get("/api/v1/customer/tips").handler(this::tips);
        router.post("/api/v1/customer/tips/:id/state").handler(this::setState);
        router.get("/api/v1/customer/preferences").handler(this::preferences);
        router.put("/api/v1/customer/preferences").handler(this::savePreferences);
        router.get("/api/v1/customer/events").handler(ctx -> deps.events().subscribe(ctx.get(CUSTOMER), ctx.response()));
    }

    private void issueToken(RoutingContext ctx) {
        String ref = ctx.pathParam("ref");
        deps.workers().executeBlocking(() -> deps.customers().issueToken(ref), false)
                .onSuccess(token -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("customerRef", ref).put("token", token).encode()))
                .onFailure(ctx::fail);
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.fail(Problem.unauthorized("send your customer token as 'Authorization: Bearer <token>'"));
            return;
        }
        String token = header.substring("Bearer ".length()).trim();
        deps.workers().executeBlocking(() -> deps.customers().customerOf(token), false).onSuccess(ref -> {
            if (ref.isEmpty()) {
                ctx.fail(Problem.unauthorized("the bearer token is not a valid customer token"));
            } else {
                ctx.put(CUSTOMER, ref.get());
                ctx.next();
            }
        }).onFailure(ctx::fail);
    }

    private void devices(RoutingContext ctx) {
        String ref = ctx.get(CUSTOMER);
        deps.workers().executeBlocking(() -> deps.registry().ofCustomer(ref), false).onSuccess(devices -> {
            JsonArray items = new JsonArray();
            devices.forEach(d -> items.add(new JsonObject().put("id", d.id()).put("model", d.model())
                    .put("location", d.location()).put("lastSeenAt", d.lastSeenAt() == null ? null : d.lastSeenAt().toString())));
            Json.ok(ctx, new JsonObject().put("devices", items));
        }).onFailure(ctx::fail);
    }

    private void timeline(RoutingContext ctx) {
        String ref = ctx.get(CUSTOMER);
        String id = ctx.pathParam("id");
        deps.workers().executeBlocking(() -> {
            List<Device> own = deps.registry().ofCustomer(ref);
            if (own.stream().noneMatch(d -> d.id().equals(id))) {
                throw Problem.notFound("you have no device with id '" + id + "'");
            }
            return deps.timeline().of(id);
        }, false).onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
    }

    private void tips(RoutingContext ctx) {
        deps.tips().ofCustomer(ctx.get(CUSTOMER)).onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.forEach(t -> items.add(TipService.toJson(t)));
            Json.ok(ctx, new JsonObject().put("tips", items));
        }).onFailure(ctx::fail);
    }

    private void setState(RoutingContext ctx) {
        TipRecord.State parsed = TipStateBody.of(Json.body(ctx));
        String id = ctx.pathParam("id");
        deps.tips().setState(ctx.get(CUSTOMER), id, parsed).onSuccess(changed -> changed.ifPresentOrElse(
                t -> Json.ok(ctx, TipService.toJson(t)),
                () -> ctx.fail(Problem.notFound("you have no tip with id '" + id + "'")))).onFailure(ctx::fail);
    }

    private void preferences(RoutingContext ctx) {
        deps.tips().preferences(ctx.get(CUSTOMER)).onSuccess(p -> Json.ok(ctx, toJson(p))).onFailure(ctx::fail);
    }

    private void savePreferences(RoutingContext ctx) {
        Preferences preferences = PreferencesBody.of(Json.body(ctx), ctx.get(CUSTOMER));
        deps.tips().savePreferences(preferences).onSuccess(p -> Json.ok(ctx, toJson(p))).onFailure(ctx::fail);
    }

    private static JsonObject toJson(Preferences p) {
        List<String> channels = p.channels().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList();
        return new JsonObject().put("channels", new JsonArray(channels))
                .put("quietStart", p.quietStart().toString()).put("quietEnd", p.quietEnd().toString())
                .put("timeZone", p.zone().getId()).put("maxPerWeek", p.maxPerWeek()).put("optedOut", p.optedOut());
    }
}
