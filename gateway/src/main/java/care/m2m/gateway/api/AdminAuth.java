package care.m2m.gateway.api;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.audit.AuditTrail;
import care.m2m.gateway.security.AuthThrottle;
import java.time.Duration;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request through only with {@code Authorization: Bearer <admin token>} (or, where field service may act
 * too, the field-service token); an address that keeps presenting wrong tokens is answered 429 for a while.
 * Who was let in is noted for the audit trail.
 */
final class AdminAuth implements Handler<RoutingContext> {

    private static final String PREFIX = "Bearer ";
    private final AdminToken token;
    private final AuthThrottle throttle;
    private final AdminToken fieldService;

    AdminAuth(AdminToken token, AuthThrottle throttle) {
        this(token, throttle, null);
    }

    AdminAuth(AdminToken token, AuthThrottle throttle, AdminToken fieldService) {
        this.token = token;
        this.throttle = throttle;
        this.fieldService = fieldService;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String address = AuthThrottle.address(ctx.request().remoteAddress() == null ? "unknown"
                : ctx.request().remoteAddress().host());
        Duration wait = throttle.retryAfter(address);
        if (!wait.isZero()) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            ctx.fail(new Problem(429, "too-many-requests", "Too many failed attempts",
                    "too many wrong tokens from this address; retry in " + Math.max(1, wait.toSeconds()) + " s"));
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith(PREFIX)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\"");
            ctx.fail(Problem.unauthorized("send the admin token as 'Authorization: Bearer <token>'"));
        } else {
            String presented = header.substring(PREFIX.length()).trim();
            if (token.matches(presented)) {
                ctx.put(AuditTrail.ACTOR_KEY, "admin");
                ctx.next();
            } else if (fieldService != null && fieldService.matches(presented)) {
                ctx.put(AuditTrail.ACTOR_KEY, "field-service");
                ctx.next();
            } else {
                throttle.failure(address);
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\", error=\"invalid_token\"");
                ctx.fail(Problem.unauthorized("the bearer token is not the admin token"
                        + (fieldService == null ? "" : " or the field-service token")));
            }
        }
    }
}
