package care.m2m.gateway.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Plain HTML answers for denials and failures on the pages (the API answers problem+json instead). The
 * texts are ours, never user input, but are escaped anyway.
 */
final class WebErrors {

    private WebErrors() {
    }

    static void page(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"/web/assets/app.css\">"
                        + "</head><body><main class=\"narrow\"><h1>" + escape(title) + "</h1><p>" + escape(detail)
                        + "</p><p><a href=\"/web/login\">Sign in</a></p></main></body></html>");
    }

    static void failed(RoutingContext ctx, Throwable e) {
        page(ctx, 503, "Something went wrong", "The page could not be built: " + e.getMessage());
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
