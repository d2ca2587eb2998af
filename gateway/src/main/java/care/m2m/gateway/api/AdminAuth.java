package care.m2m.gateway.api;

import care.m2m.gateway.admin.AdminToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Lets a request through only with {@code Authorization: Bearer <admin token>}. */
final class AdminAuth implements Handler<RoutingContext> {

    private static final String PREFIX = "Bearer ";
    private final AdminToken token;

    AdminAuth(AdminToken token) {
        this.token = token;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith(PREFIX)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\"");
            ctx.fail(Problem.unauthorized("send the admin token as 'Authorization: Bearer <token>'"));
        } else if (!token.matches(header.substring(PREFIX.length()).trim())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\", error=\"invalid_token\"");
            ctx.fail(Problem.unauthorized("the bearer token is not the admin token"));
        } else {
            ctx.next();
        }
    }
}
