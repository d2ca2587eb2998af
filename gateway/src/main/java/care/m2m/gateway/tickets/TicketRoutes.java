package care.m2m.gateway.tickets;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.api.Json;
import care.m2m.gateway.api.Problem;
import care.m2m.gateway.api.RouteGroup;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.value.Priority;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/**
 * The field-service API: the queue (by status, priority, region; earliest due first), a ticket's detail,
 * lifecycle transitions, the technician's outcome, and the fleet's service report, behind the field-service
 * token or the admin token; and, for operators behind the admin token, every ticket decision about a device
 * (including why a fault needed no ticket).
 */
public final class TicketRoutes implements RouteGroup {

    /** What these routes read and call. */
    public record Dependencies(TicketDesk desk, TicketQueries queries, TicketReports reports,
            AdminToken fieldServiceToken, AdminToken adminToken, AuthThrottle throttle, WorkerExecutor workers) {
    }

    private final Dependencies deps;

    public TicketRoutes(Dependencies deps) {
        this.deps = deps;
    }

    @Override
    public void mount(Router router) {
        FieldServiceAuth auth = new FieldServiceAuth(deps.fieldServiceToken(), deps.adminToken(), deps.throttle());
        router.route("/api/v1/tickets*").handler(auth);
        router.route("/api/v1/reports/*").handler(auth);
        router.get("/api/v1/tickets").handler(this::queue);
        router.get("/api/v1/tickets/:id").handler(this::detail);
        router.post("/api/v1/tickets/:id/transitions").handler(this::transition);
        router.post("/api/v1/tickets/:id/outcome").handler(this::outcome);
        router.get("/api/v1/reports/service").handler(this::report);
        router.get("/api/v1/devices/:id/ticket-decisions").handler(this::decisions);
    }

    private void decisions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit = limit(ctx);
        deps.workers().executeBlocking(() -> deps.queries().decisions(id, limit), false)
                .onSuccess(items -> ok(ctx, new JsonObject().put("deviceId", id).put("decisions", items)))
                .onFailure(ctx::fail);
    }

    private void queue(RoutingContext ctx) {
        Ticket.Status status = param(ctx, "status", Ticket.Status.class);
        Priority priority = param(ctx, "priority", Priority.class);
        String region = ctx.queryParams().get("region");
        int limit = limit(ctx);
        deps.workers().executeBlocking(() -> deps.queries().queue(status, priority, region, limit), false)
                .onSuccess(items -> ok(ctx, new JsonObject().put("tickets", items))).onFailure(ctx::fail);
    }

    private void detail(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        deps.workers().executeBlocking(() -> deps.queries().detail(id), false).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(Problem.notFound("no ticket with id '" + id + "'"));
            } else {
                ok(ctx, found.get());
            }
        }).onFailure(ctx::fail);
    }

    private void transition(RoutingContext ctx) {
        Ticket.Status to = TicketBodies.transition(body(ctx));
        answer(ctx, deps.desk().transition(ctx.pathParam("id"), to));
    }

    private void outcome(RoutingContext ctx) {
        TicketBodies.OutcomeBody body = TicketBodies.outcome(body(ctx));
        answer(ctx, deps.desk().outcome(ctx.pathParam("id"), body.outcome(), body.note()));
    }

    private void report(RoutingContext ctx) {
        deps.workers().executeBlocking(() -> deps.reports().service(), false)
                .onSuccess(r -> ok(ctx, r)).onFailure(ctx::fail);
    }

    private void answer(RoutingContext ctx, Future<Ticket> change) {
        String id = ctx.pathParam("id");
        change.compose(t -> deps.workers().executeBlocking(() -> deps.queries().detail(id).orElseThrow(), false))
                .onSuccess(json -> ok(ctx, json))
                .onFailure(e -> ctx.fail(switch (e) {
                    case TicketNotFoundException n -> Problem.notFound(n.getMessage());
                    case TicketConflictException c -> Problem.conflict(c.getMessage());
                    default -> e;
                }));
    }

    private static JsonObject body(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "expected Content-Type application/json, got " + type);
        }
        return Json.object(ctx.body().buffer());
    }

    private static <E extends Enum<E>> E param(RoutingContext ctx, String name, Class<E> type) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(name + ": expected one of " + Arrays.toString(type.getEnumConstants())
                    + ", got '" + raw + "'");
        }
    }

    private static int limit(RoutingContext ctx) {
        String raw = ctx.queryParams().get("limit");
        try {
            int limit = raw == null ? 100 : Integer.parseInt(raw);
            if (limit < 1 || limit > 1000) {
                throw Problem.badRequest("limit: expected a number from 1 to 1000, got " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("limit: expected a whole number, got '" + raw + "'");
        }
    }

    private static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
