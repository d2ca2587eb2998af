package care.m2m.gateway.web;

import care.m2m.gateway.web.WebSessions.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Field service: the ticket queue (filtered by status, priority and region, earliest due first, refreshing
 * itself) and a ticket's detail on one screen (device, faults, every self-repair attempt, the customer's
 * contact preference, the telemetry around the fault), with the transitions and the outcome recording.
 */
final class FieldServicePages {

    private final TicketApi api;
    private final Templates templates;
    private final Clock clock;

    FieldServicePages(TicketApi api, Templates templates, Clock clock) {
        this.api = api;
        this.templates = templates;
        this.clock = clock;
    }

    void mount(Router router, WebAuth auth) {
        router.route("/web/field").handler(auth);
        router.route("/web/field/*").handler(auth);
        router.get("/web/field").handler(ctx -> queue(ctx, "field"));
        router.get("/web/field/queue").handler(ctx -> queue(ctx, "field-queue"));
        router.get("/web/field/tickets/:id").handler(ctx -> detail(ctx, 200, ""));
        router.post("/web/field/tickets/:id/transition").handler(ctx -> change(ctx, "transitions",
                new JsonObject().put("to", form(ctx, "to"))));
        router.post("/web/field/tickets/:id/outcome").handler(ctx -> {
            JsonObject body = new JsonObject().put("outcome", form(ctx, "outcome"));
            if (!form(ctx, "note").isBlank()) {
                body.put("note", form(ctx, "note").trim());
            }
            change(ctx, "outcome", body);
        });
    }

    private void queue(RoutingContext ctx, String template) {
        Map<String, String> filters = new HashMap<>();
        StringBuilder query = new StringBuilder("/api/v1/tickets?limit=200");
        for (String name : List.of("status", "priority", "region")) {
            String value = Optional.ofNullable(ctx.queryParams().get(name)).orElse("").trim();
            filters.put(name, value);
            if (!value.isEmpty()) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        api.get(ctx, token(ctx), query.toString()).onSuccess(answer -> {
            Map<String, Object> model = new HashMap<>();
            model.put("filters", filters);
            model.put("filterQuery", query.substring("/api/v1/tickets?limit=200".length()).replaceFirst("^&", "?"));
            List<Map<String, Object>> tickets = new ArrayList<>();
            if (answer.ok()) {
                for (Object o : answer.body().getJsonArray("tickets", new JsonArray())) {
                    tickets.add(TicketView.summary((JsonObject) o, clock.instant()));
                }
            }
            model.put("tickets", tickets);
            model.put("message", answer.ok() ? "" : answer.problem());
            model.put("at", CustomerView.time(clock.instant()));
            ctx.response().setStatusCode(answer.ok() ? 200 : answer.status());
            templates.render(ctx, template, model);
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    private void detail(RoutingContext ctx, int status, String message) {
        String id = ctx.pathParam("id");
        api.get(ctx, token(ctx), "/api/v1/tickets/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).onSuccess(answer -> {
            if (!answer.ok()) {
                WebErrors.page(ctx, answer.status() == 404 ? 404 : 503, "No such ticket", answer.problem());
                return;
            }
            Map<String, Object> model = new HashMap<>(TicketView.detail(answer.body(), clock.instant()));
            model.put("message", message);
            model.put("changed", Optional.ofNullable(ctx.queryParams().get("changed")).orElse(""));
            ctx.response().setStatusCode(status);
            templates.render(ctx, "ticket", model);
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    private void change(RoutingContext ctx, String action, JsonObject body) {
        String id = ctx.pathParam("id");
        String path = "/api/v1/tickets/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + action;
        api.post(ctx, token(ctx), path, body).onSuccess(answer -> {
            if (answer.ok()) {
                ctx.response().setStatusCode(303).putHeader("Location", "/web/field/tickets/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?changed=" + action).end();
            } else {
                detail(ctx, answer.status(), answer.problem());
            }
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    private static String form(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getFormAttribute(name)).orElse("");
    }

    private static String token(RoutingContext ctx) {
        Session session = ctx.get(WebAuth.SESSION);
        return session.credential();
    }
}
