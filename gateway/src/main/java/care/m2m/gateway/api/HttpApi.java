package care.m2m.gateway.api;

import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.audit.AuditTrail;
import care.m2m.gateway.config.GatewayConfig.HttpSettings;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.devices.DevicePsks;
import care.m2m.gateway.events.DeviceEventLog;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.store.BatchingTelemetryWriter;
import care.m2m.gateway.store.TelemetryStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the gateway: health, Prometheus metrics, the OpenAPI document, the admin API and the
 * read API. Every error leaves as problem+json through one failure handler.
 */
public final class HttpApi extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;

    /** What the routes need, gathered so the constructor stays readable. */
    public record Dependencies(HttpSettings settings, AdminToken adminToken, DeviceDirectory directory,
            DevicePsks psks, ModelCatalog models, TelemetryStore store, BatchingTelemetryWriter writer,
            DeviceEventLog events, RecordsDatabase records, PrometheusMeterRegistry registry, WorkerExecutor workers,
            Clock clock) {
    }

    private final Dependencies deps;
    private final List<RouteGroup> features = new ArrayList<>();
    private AuthThrottle throttle = AuthThrottle.defaults(Clock.systemUTC());
    private AuditTrail auditTrail;
    private AdminToken fieldServiceToken;
    private HttpServer server;

    public HttpApi(Dependencies deps) {
        this.deps = deps;
    }

    /** Lets field service read devices and send commands with its own token; call before deployment. */
    public HttpApi withFieldServiceToken(AdminToken token) {
        this.fieldServiceToken = token;
        return this;
    }

    /** Records every changing API call in the audit log; call before deployment. */
    public HttpApi withAuditTrail(AuditTrail trail) {
        this.auditTrail = trail;
        return this;
    }

    /** Shares the gateway's failed-authentication throttle; call before deployment. */
    public HttpApi withThrottle(AuthThrottle shared) {
        this.throttle = shared;
        return this;
    }

    /** Adds a feature's routes (the service ladder's, for example); call before deployment. */
    public HttpApi with(RouteGroup routes) {
        features.add(routes);
        return this;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        if (auditTrail != null) {
            router.route("/api/*").handler(auditTrail);
        }
        new HealthRoutes(deps.writer(), deps.records(), deps.workers()).mount(router);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(deps.registry().scrape()));
        Buffer openApi = Buffer.buffer(readResource("/openapi.yaml"));
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml").end(openApi));
        new ModelRoutes(deps.models()).mount(router);
        router.route("/api/v1/admin/*").handler(new AdminAuth(deps.adminToken(), throttle));
        router.route("/api/v1/devices/*").handler(new AdminAuth(deps.adminToken(), throttle, fieldServiceToken));
        router.route("/api/v1/repairs/*").handler(new AdminAuth(deps.adminToken(), throttle));
        new DeviceAdminRoutes(deps.directory(), deps.psks()).mount(router);
        new TelemetryRoutes(deps.store(), deps.events(), deps.workers(), deps.clock()).mount(router);
        features.forEach(f -> f.mount(router));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Problems::handle);

        HttpServerOptions options = new HttpServerOptions();
        deps.settings().tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(tls.options()));
        server = vertx.createHttpServer(options);
        return server.requestHandler(router)
                .listen(deps.settings().port(), deps.settings().host())
                .onSuccess(s -> LOG.info("HTTP listening on {}:{}", deps.settings().host(), s.actualPort()));
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    public int actualPort() {
        return server.actualPort();
    }

    private static byte[] readResource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the gateway jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
