package care.m2m.gateway.web;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator's fleet overview. The numbers section reloads itself every few seconds (htmx polling), so the
 * page stays live without a reload and without holding a connection per operator.
 */
final class OperatorPages {

    private final FleetNumbers fleet;
    private final Templates templates;
    private final WorkerExecutor workers;

    OperatorPages(FleetNumbers fleet, Templates templates, WorkerExecutor workers) {
        this.fleet = fleet;
        this.templates = templates;
        this.workers = workers;
    }

    void mount(Router router, WebAuth auth) {
        router.route("/web/operator").handler(auth);
        router.route("/web/operator/*").handler(auth);
        router.get("/web/operator").handler(ctx -> render(ctx, "operator"));
        router.get("/web/operator/fleet").handler(ctx -> render(ctx, "operator-fleet"));
    }

    private void render(RoutingContext ctx, String template) {
        workers.executeBlocking(fleet::now, false)
                .onSuccess(numbers -> templates.render(ctx, template, numbers))
                .onFailure(e -> WebErrors.failed(ctx, e));
    }
}
