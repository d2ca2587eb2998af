package care.m2m.gateway.api;

import care.m2m.contracts.models.ModelCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/models}: the device models this gateway knows, with metrics, faults and actions. */
final class ModelRoutes {

    private final ModelCatalog models;

    ModelRoutes(ModelCatalog models) {
        this.models = models;
    }

    void mount(Router router) {
        router.get("/api/v1/models").handler(this::list);
        router.get("/api/v1/models/:id").handler(this::get);
    }

    private void list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        models.all().forEach(m -> items.add(JsonObject.mapFrom(m)));
        Json.ok(ctx, new JsonObject().put("models", items));
    }

    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        models.find(id).ifPresentOrElse(
                m -> Json.ok(ctx, JsonObject.mapFrom(m)),
                () -> ctx.fail(Problem.notFound("no device model '" + id + "'")));
    }
}
