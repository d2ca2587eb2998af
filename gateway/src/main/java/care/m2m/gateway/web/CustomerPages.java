package care.m2m.gateway.web;

import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.mqtt.ConnectedDevices;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.timeline.DeviceTimeline;
import care.m2m.gateway.tips.TipEvents;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipService;
import care.m2m.gateway.web.WebSessions.Session;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's self-service pages ("the first-aid kit for your product"): their devices and how they are,
 * tips with their benefit and the same actions and state as every other channel, what automatic service
 * did, and their preferences. Everything is read for the signed-in customer only; tips arrive live through
 * the same server-sent events as the customer API.
 */
final class CustomerPages {

    static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);
    private static final Duration CHART_RANGE = Duration.ofDays(1);
    private static final int CHART_POINTS = 2_000;

    /** What these pages read and call. */
    record Dependencies(TipService tips, TipEvents events, DeviceRegistry registry, DeviceTimeline timeline,
            TelemetryStore store, ConnectedDevices connected, WorkerExecutor workers, Clock clock) {
    }

    private final Dependencies deps;
    private final Templates templates;
    private final CustomerPreferencesForm preferences;

    CustomerPages(Dependencies deps, Templates templates) {
        this.deps = deps;
        this.templates = templates;
        this.preferences = new CustomerPreferencesForm(deps.tips(), this::overview);
    }

    void mount(Router router, WebAuth auth) {
        router.route("/web/customer").handler(auth);
        router.route("/web/customer/*").handler(auth);
        router.get("/web/customer").handler(ctx -> overview(ctx, 200, ""));
        router.get("/web/customer/devices").handler(ctx -> devices(customer(ctx))
                .onSuccess(list -> templates.render(ctx, "customer-devices", Map.of("devices", list)))
                .onFailure(e -> WebErrors.failed(ctx, e)));
        router.get("/web/customer/tips").handler(ctx -> deps.tips().ofCustomer(customer(ctx))
                .onSuccess(list -> templates.render(ctx, "customer-tips", CustomerView.tips(list)))
                .onFailure(e -> WebErrors.failed(ctx, e)));
        router.post("/web/customer/tips/:id/state").handler(this::setState);
        router.post("/web/customer/preferences").handler(preferences::save);
        router.get("/web/customer/devices/:id").handler(this::device);
        router.get("/web/customer/devices/:id/telemetry").handler(this::telemetry);
        router.get("/web/customer/events").handler(ctx -> deps.events().subscribe(customer(ctx), ctx.response()));
    }

    void overview(RoutingContext ctx, int status, String preferencesMessage) {
        String ref = customer(ctx);
        Future<List<Map<String, Object>>> devices = devices(ref);
        Future<List<TipRecord>> tips = deps.tips().ofCustomer(ref);
        Future<Map<String, Object>> prefs = deps.tips().preferences(ref).map(CustomerView::preferences);
        Future<List<Map<String, Object>>> repairs = devices.compose(list -> deps.workers().executeBlocking(
                () -> repairs(list), false));
        Future.all(devices, tips, prefs, repairs).onSuccess(all -> {
            Map<String, Object> model = new HashMap<>(CustomerView.tips(tips.result()));
            model.put("customerRef", ref);
            model.put("devices", devices.result());
            model.put("prefs", prefs.result());
            model.put("repairs", repairs.result());
            model.put("prefsMessage", preferencesMessage);
            model.put("prefsSaved", "1".equals(ctx.queryParams().get("saved")));
            ctx.response().setStatusCode(status);
            templates.render(ctx, "customer", model);
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    private Future<List<Map<String, Object>>> devices(String ref) {
        return deps.workers().executeBlocking(() -> {
            Instant recent = deps.clock().instant().minus(ONLINE_WINDOW);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Device d : deps.registry().ofCustomer(ref)) {
                boolean online = deps.connected().isConnected(d.id())
                        || (d.lastSeenAt() != null && d.lastSeenAt().isAfter(recent));
                out.add(CustomerView.device(d, online));
            }
            return out;
        }, false);
    }

    /** What automatic service did on the customer's devices: repairs and problems that went away. */
    private List<Map<String, Object>> repairs(List<Map<String, Object>> devices) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> d : devices) {
            JsonArray entries = deps.timeline().of((String) d.get("id")).getJsonArray("entries");
            for (Object o : entries) {
                JsonObject e = (JsonObject) o;
                if (Set.of("automatic_repair", "fault_cleared").contains(e.getString("kind"))) {
                    Map<String, Object> m = CustomerView.entry(e);
                    m.put("deviceId", d.get("id"));
                    out.add(m);
                }
            }
        }
        return out;
    }

    private void setState(RoutingContext ctx) {
        String state = Optional.ofNullable(ctx.request().getFormAttribute("state")).orElse("");
        TipRecord.State parsed;
        try {
            parsed = TipRecord.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            WebErrors.page(ctx, 400, "Unknown choice", "Expected done, dismissed, snoozed or read.");
            return;
        }
        String ref = customer(ctx);
        deps.tips().setState(ref, ctx.pathParam("id"), parsed).onSuccess(changed -> {
            if (changed.isEmpty()) {
                WebErrors.page(ctx, 404, "No such tip", "You have no tip with that id.");
            } else if (ctx.request().getHeader("HX-Request") != null) {
                deps.tips().ofCustomer(ref).onSuccess(list -> templates.render(ctx, "customer-tips",
                        CustomerView.tips(list))).onFailure(e -> WebErrors.failed(ctx, e));
            } else {
                ctx.response().setStatusCode(303).putHeader("Location", "/web/customer#tips").end();
            }
        }).onFailure(e -> WebErrors.page(ctx, 400, "Not possible", e.getMessage()));
    }

    private void device(RoutingContext ctx) {
        String ref = customer(ctx);
        String id = ctx.pathParam("id");
        deps.workers().executeBlocking(() -> {
            Optional<Device> own = deps.registry().ofCustomer(ref).stream().filter(d -> d.id().equals(id)).findFirst();
            if (own.isEmpty()) {
                return null;
            }
            JsonObject timeline = deps.timeline().of(id);
            Map<String, Object> model = new HashMap<>();
            Instant recent = deps.clock().instant().minus(ONLINE_WINDOW);
            Device d = own.get();
            model.put("device", CustomerView.device(d, deps.connected().isConnected(id)
                    || (d.lastSeenAt() != null && d.lastSeenAt().isAfter(recent))));
            List<Map<String, Object>> entries = new ArrayList<>();
            timeline.getJsonArray("entries").forEach(e -> entries.add(CustomerView.entry((JsonObject) e)));
            model.put("entries", entries);
            JsonObject telemetry = timeline.getJsonObject("telemetry");
            List<Map<String, Object>> latest = new ArrayList<>();
            telemetry.getJsonObject("latest").forEach(e -> latest.add(Map.of("name", e.getKey(),
                    "value", String.valueOf(e.getValue()))));
            model.put("latest", latest);
            model.put("pointsLastDay", telemetry.getInteger("pointsLastDay"));
            return model;
        }, false).onSuccess(model -> {
            if (model == null) {
                WebErrors.page(ctx, 404, "Not your device", "You have no device with that id.");
            } else {
                templates.render(ctx, "device", model);
            }
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    /** The last day of numeric telemetry as chart series: one array of values per metric, aligned to times. */
    private void telemetry(RoutingContext ctx) {
        String ref = customer(ctx);
        String id = ctx.pathParam("id");
        deps.workers().executeBlocking(() -> {
            if (deps.registry().ofCustomer(ref).stream().noneMatch(d -> d.id().equals(id))) {
                return null;
            }
            Instant to = deps.clock().instant().plusSeconds(1);
            List<TelemetryPoint> points = deps.store().query(new TelemetryQuery(id, to.minus(CHART_RANGE), to, Set.of(),
                    CHART_POINTS));
            ChartSeries chart = new ChartSeries();
            for (TelemetryPoint p : points) {
                Map<String, Object> raw = new HashMap<>();
                p.values().forEach((name, value) -> raw.put(name, value.raw()));
                chart.add(p.timestamp().toString(), raw);
            }
            return chart.toJson();
        }, false).onSuccess(body -> {
            if (body == null) {
                ctx.response().setStatusCode(404).end();
            } else {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(body.encode());
            }
        }).onFailure(e -> ctx.response().setStatusCode(503).end());
    }

    static String customer(RoutingContext ctx) {
        Session session = ctx.get(WebAuth.SESSION);
        return session.subject();
    }
}
