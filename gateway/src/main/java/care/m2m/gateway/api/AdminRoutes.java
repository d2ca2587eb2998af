package care.m2m.gateway.api;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.audit.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Operating the gateway itself: {@code POST /api/v1/admin/token/rotate} replaces a generated admin token
 * (the old one stops working at once) and {@code GET /api/v1/admin/audit} lists the audit trail.
 */
public final class AdminRoutes implements RouteGroup {

    private final AdminToken adminToken;
    private final AuditLog audit;

    public AdminRoutes(AdminToken adminToken, AuditLog audit) {
        this.adminToken = adminToken;
        this.audit = audit;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/v1/admin/token/rotate").handler(this::rotate);
        router.get("/api/v1/admin/audit").handler(this::audit);
    }

    private void rotate(RoutingContext ctx) {
        try {
            String fresh = adminToken.rotate();
            Json.ok(ctx, new JsonObject().put("token", fresh)
                    .put("file", adminToken.file().map(Object::toString).orElse(null)));
        } catch (IllegalStateException e) {
            throw Problem.conflict(e.getMessage());
        }
    }

    private void audit(RoutingContext ctx) {
        int limit = Json.intParam(ctx, "limit", 100, 1, 1000);
        audit.recent(limit).onSuccess(entries -> {
            JsonArray items = new JsonArray();
            entries.forEach(e -> items.add(new JsonObject().put("at", e.at().toString()).put("actor", e.actor())
                    .put("action", e.action()).put("target", e.target()).put("status", e.status())
                    .put("address", e.address())));
            Json.ok(ctx, new JsonObject().put("entries", items));
        }).onFailure(ctx::fail);
    }
}
