package care.m2m.gateway.api;

import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.store.BatchingTelemetryWriter;
import care.m2m.gateway.store.StoreHealth;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health}: liveness (the process answers) and readiness (the telemetry store and the records
 * database answer). 200 when ready, 503 otherwise, with each check's detail. {@code /health/live} is
 * always 200 while the process runs, for orchestrators that restart on liveness only.
 */
final class HealthRoutes {

    private final BatchingTelemetryWriter writer;
    private final RecordsDatabase records;
    private final WorkerExecutor workers;

    HealthRoutes(BatchingTelemetryWriter writer, RecordsDatabase records, WorkerExecutor workers) {
        this.writer = writer;
        this.records = records;
        this.workers = workers;
    }

    void mount(Router router) {
        router.get("/health").handler(this::readiness);
        router.get("/health/ready").handler(this::readiness);
        router.get("/health/live").handler(ctx -> Json.ok(ctx, new JsonObject().put("status", "UP")));
    }

    private void readiness(RoutingContext ctx) {
        Future<StoreHealth> store = workers.executeBlocking(writer::health, false);
        Future<Boolean> db = workers.executeBlocking(records::ping, false);
        Future.join(store, db).onComplete(done -> {
            StoreHealth s = store.succeeded() ? store.result() : StoreHealth.down(writer.storeKind(), "no answer");
            boolean dbUp = db.succeeded() && db.result();
            boolean ready = s.up() && dbUp;
            JsonObject checks = new JsonObject()
                    .put("telemetryStore", new JsonObject().put("status", s.up() ? "UP" : "DOWN")
                            .put("kind", s.kind()).put("detail", s.detail()).put("queuedPoints", writer.queued()))
                    .put("records", new JsonObject().put("status", dbUp ? "UP" : "DOWN")
                            .put("detail", records.description()));
            ctx.response()
                    .setStatusCode(ready ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", ready ? "UP" : "DOWN").put("live", true)
                            .put("ready", ready).put("checks", checks).encode());
        });
    }
}
