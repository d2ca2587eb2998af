package care.m2m.gateway.customers;

import care.m2m.gateway.api.Problem;
import care.m2m.gateway.api.RouteGroup;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The admin API for customer context: {@code PUT/GET /api/v1/admin/customers/{ref}} (behind the admin token). */
public final class CustomerProfileRoutes implements RouteGroup {

    private final CustomerProfileStore store;
    private final WorkerExecutor workers;

    public CustomerProfileRoutes(CustomerProfileStore store, WorkerExecutor workers) {
        this.store = store;
        this.workers = workers;
    }

    @Override
    public void mount(Router router) {
        router.put("/api/v1/admin/customers/:ref").handler(this::save);
        router.get("/api/v1/admin/customers/:ref").handler(this::read);
    }

    private void save(RoutingContext ctx) {
        String ref = ctx.pathParam("ref");
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw Problem.badRequest("expected a JSON object as body: " + e.getMessage());
        }
        if (body == null) {
            throw Problem.badRequest("expected a JSON object as body, got nothing");
        }
        CustomerProfile profile;
        try {
            profile = new CustomerProfile(ref, body.getString("segment", CustomerProfile.DEFAULT_SEGMENT),
                    body.getBoolean("vulnerable", false),
                    body.getString("contactPreference", CustomerProfile.DEFAULT_CONTACT), body.getString("region"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw Problem.badRequest(e.getMessage());
        }
        workers.executeBlocking(() -> {
            store.save(profile);
            return profile;
        }, false).onSuccess(p -> ctx.response().putHeader("Content-Type", "application/json").end(json(p).encode()))
                .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        String ref = ctx.pathParam("ref");
        workers.executeBlocking(() -> store.find(ref), false).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(Problem.notFound("no customer profile for '" + ref + "'"));
            } else {
                ctx.response().putHeader("Content-Type", "application/json").end(json(found.get()).encode());
            }
        }).onFailure(ctx::fail);
    }

    static JsonObject json(CustomerProfile p) {
        return new JsonObject().put("customerRef", p.customerRef()).put("segment", p.segment())
                .put("vulnerable", p.vulnerable()).put("contactPreference", p.contactPreference())
                .put("region", p.region());
    }
}
