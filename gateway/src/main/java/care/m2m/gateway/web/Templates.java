package care.m2m.gateway.web;

import care.m2m.gateway.web.WebSessions.Session;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Thymeleaf templates under {@code web/templates} (th:text escapes everything) and sends them
 * with headers that keep pages out of caches and frames and allow scripts only from the gateway itself.
 */
final class Templates {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    private final ThymeleafTemplateEngine engine;

    Templates(Vertx vertx) {
        this.engine = ThymeleafTemplateEngine.create(vertx);
    }

    /** Renders {@code web/templates/<name>.html}; the session (if any) supplies the CSRF token. */
    void render(RoutingContext ctx, String name, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        Session session = ctx.get(WebAuth.SESSION);
        if (session != null) {
            data.put("csrf", session.csrf());
            data.put("role", session.role().name().toLowerCase());
        }
        engine.render(data, "web/templates/" + name + ".html").onSuccess(html -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("Content-Security-Policy", CSP)
                .end(html)).onFailure(e -> WebErrors.failed(ctx, e));
    }

    /** Vert.x JSON as plain maps and lists, which template expressions can navigate. */
    static Map<String, Object> plain(JsonObject json) {
        Map<String, Object> out = new LinkedHashMap<>();
        json.forEach(e -> out.put(e.getKey(), plainValue(e.getValue())));
        return out;
    }

    static List<Object> plain(JsonArray json) {
        List<Object> out = new ArrayList<>();
        json.forEach(v -> out.add(plainValue(v)));
        return out;
    }

    private static Object plainValue(Object v) {
        if (v instanceof JsonObject o) {
            return plain(o);
        }
        if (v instanceof JsonArray a) {
            return plain(a);
        }
        return v;
    }
}
