package care.m2m.gateway.tickets;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.api.Problem;
import care.m2m.gateway.security.AuthThrottle;
import io.vertx.core.Handler;
import java.time.Duration;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request through with {@code Authorization: Bearer <field-service token>} or the admin token: the
 * field-service system and technicians get the ticket API without the admin API. An address that keeps
 * presenting wrong tokens is answered 429 for a while, through the gateway's shared throttle.
 */
final class FieldServiceAuth implements Handler<RoutingContext> {

    private static final String PREFIX = "Bearer ";
    private final AdminToken fieldService;
    private final AdminToken admin;
    private final AuthThrottle throttle;

    FieldServiceAuth(AdminToken fieldService, AdminToken admin, AuthThrottle throttle) {
        this.fieldService = fieldService;
        this.admin = admin;
        this.throttle = throttle;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String address = AuthThrottle.address(ctx.request().remoteAddress() == null ? "unknown"
                : ctx.request().remoteAddress().host());
        Duration blocked = throttle.retryAfter(address);
        if (!blocked.isZero()) {
            long wait = Math.max(1, blocked.toSeconds());
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            ctx.fail(new Problem(429, "too-many-requests", "Too many failed attempts",
                    "too many wrong tokens from this address; retry in " + wait + " s"));
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith(PREFIX)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\"");
            ctx.fail(Problem.unauthorized("send the field-service token as 'Authorization: Bearer <token>'"));
            return;
        }
        String token = header.substring(PREFIX.length()).trim();
        if (fieldService.matches(token) || admin.matches(token)) {
            ctx.next();
        } else {
            throttle.failure(address);
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\", error=\"invalid_token\"");
            ctx.fail(Problem.unauthorized("the bearer token is neither the field-service token nor the admin token"));
        }
    }
}
