package care.m2m.gateway.audit;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every changing API call (anything but GET, HEAD and OPTIONS) once its answer is sent: who (admin,
 * field service, which customer), what (method and path, never the body or query, which may hold secrets),
 * the status and the source address. Installed in front of all API routes.
 */
public final class AuditTrail implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Routing-context key under which authentication handlers may name the customer. */
    public static final String CUSTOMER_KEY = "customerRef";
    /** Routing-context key under which token checks name who they let in (admin, field-service). */
    public static final String ACTOR_KEY = "auditActor";

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!READS.contains(ctx.request().method())) {
            ctx.addBodyEndHandler(v -> log.append(new AuditLog.Entry(clock.instant(), actor(ctx),
                            ctx.request().method().name(), ctx.request().path(), ctx.response().getStatusCode(),
                            ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host()))
                    .onFailure(e -> LOG.warn("Could not write an audit entry: {}", e.getMessage())));
        }
        ctx.next();
    }

    private static String actor(RoutingContext ctx) {
        Object named = ctx.get(ACTOR_KEY);
        if (named != null) {
            return named.toString();
        }
        String path = ctx.request().path();
        if (path.startsWith("/api/v1/customer/")) {
            Object customer = ctx.get(CUSTOMER_KEY);
            return customer == null ? "customer (unauthenticated)" : "customer:" + customer;
        }
        if (path.startsWith("/api/v1/tickets") || path.startsWith("/api/v1/reports")) {
            return "field-service";
        }
        return "admin";
    }
}
