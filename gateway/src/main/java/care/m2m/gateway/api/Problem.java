package care.m2m.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An HTTP error as RFC 9457 {@code application/problem+json}: a stable type, a title, the status and a
 * detail that says what was expected and what arrived. Thrown by handlers, written by {@link Problems}.
 */
public final class Problem extends RuntimeException {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://m2m.care/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final JsonArray errors;

    public Problem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public Problem(int status, String type, String title, String detail, JsonArray errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "conflict", "Conflict", detail);
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "unavailable", "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public JsonObject toJson(String instance) {
        JsonObject json = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", getMessage());
        if (instance != null) {
            json.put("instance", instance);
        }
        if (errors != null) {
            json.put("errors", errors);
        }
        return json;
    }
}
