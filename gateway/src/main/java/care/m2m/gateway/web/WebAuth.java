package care.m2m.gateway.web;

import care.m2m.gateway.web.WebSessions.Session;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Guards a role's pages: a request needs a live session cookie of that role (otherwise it is sent to the
 * sign-in page, or refused when signed in as someone else), and every state-changing request must carry the
 * session's CSRF token, as a form field or an {@code X-CSRF-Token} header (htmx sends the header).
 */
final class WebAuth implements Handler<RoutingContext> {

    static final String COOKIE = "m2mcare_session";
    static final String SESSION = "webSession";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final WebSessions sessions;
    private final Role role;

    WebAuth(WebSessions sessions, Role role) {
        this.sessions = sessions;
        this.role = role;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Session> session = current(sessions, ctx);
        if (session.isEmpty()) {
            if (ctx.request().getHeader("HX-Request") != null) {
                ctx.response().setStatusCode(401).putHeader("HX-Redirect", "/web/login").end();
            } else if (ctx.request().method() == HttpMethod.GET) {
                ctx.redirect("/web/login");
            } else {
                WebErrors.page(ctx, 401, "Please sign in again", "Your session has ended.");
            }
            return;
        }
        if (session.get().role() != role) {
            WebErrors.page(ctx, 403, "Not for your role",
                    "You are signed in as " + label(session.get().role()) + "; this page is for " + label(role) + ".");
            return;
        }
        if (ctx.request().method() != HttpMethod.GET && !csrfMatches(ctx, session.get())) {
            WebErrors.page(ctx, 403, "Form expired", "The form was not sent from this session; reload the page and try again.");
            return;
        }
        ctx.put(SESSION, session.get());
        ctx.next();
    }

    static Optional<Session> current(WebSessions sessions, RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return sessions.find(cookie == null ? null : cookie.getValue());
    }

    /** The session cookie: HttpOnly, SameSite=Strict, scoped to the pages, Secure when the request was. */
    static Cookie cookie(RoutingContext ctx, String value, long maxAgeSeconds) {
        boolean secure = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        return Cookie.cookie(COOKIE, value).setPath("/web").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure).setMaxAge(maxAgeSeconds);
    }

    private static boolean csrfMatches(RoutingContext ctx, Session session) {
        String sent = ctx.request().getHeader(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.request().getFormAttribute(CSRF_FIELD);
        }
        return sent != null && java.security.MessageDigest.isEqual(sent.getBytes(), session.csrf().getBytes());
    }

    static String label(Role role) {
        return switch (role) {
            case CUSTOMER -> "a customer";
            case OPERATOR -> "an operator";
            case FIELD_SERVICE -> "field service";
        };
    }
}
