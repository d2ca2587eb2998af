package care.m2m.gateway.tickets;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.api.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request through with {@code Authorization: Bearer <field-service token>} or the admin token: the
 * field-service system and technicians get the ticket API without the admin API.
 */
final class FieldServiceAuth implements Handler<RoutingContext> {

    private static final String PREFIX = "Bearer ";
    private final AdminToken fieldService;
    private final AdminToken admin;

    FieldServiceAuth(AdminToken fieldService, AdminToken admin) {
        this.fieldService = fieldService;
        this.admin = admin;
    }

    @Override
    public void handle(RoutingContext ctx) {
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
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"m2mcare\", error=\"invalid_token\"");
            ctx.fail(Problem.unauthorized("the bearer token is neither the field-service token nor the admin token"));
        }
    }
}
