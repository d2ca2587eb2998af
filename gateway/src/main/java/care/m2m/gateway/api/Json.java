package care.m2m.gateway.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small helpers for reading requests and writing JSON answers, with errors that name the field. */
public final class Json {

    private Json() {
    }

    static JsonObject body(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "expected Content-Type application/json, got " + contentType);
        }
        return object(ctx.body().buffer());
    }

    /**
     * The request body as a JSON object, or a 400 {@link Problem} saying what came instead (nothing, broken
     * JSON, an array or a single value).
     */
    public static JsonObject object(Buffer raw) {
        if (raw == null || raw.length() == 0) {
            throw Problem.badRequest("expected a JSON object as body, got nothing");
        }
        Object value;
        try {
            value = io.vertx.core.json.Json.decodeValue(raw);
        } catch (DecodeException e) {
            throw Problem.badRequest("expected a JSON object as body: " + e.getMessage());
        }
        if (!(value instanceof JsonObject body)) {
            throw Problem.badRequest("expected a JSON object as body, got " + describe(value));
        }
        return body;
    }

    /** A JSON value as an error message shows it: its kind, and the value itself when short. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String kind = switch (value) {
            case JsonArray a -> "list";
            case JsonObject o -> "object";
            default -> value.getClass().getSimpleName().toLowerCase();
        };
        String text = String.valueOf(value);
        return kind + " " + (text.length() > 64 ? text.substring(0, 64) + "..." : text);
    }

    static String requiredText(JsonObject body, String field) {
        String value = optionalText(body, field);
        if (value == null) {
            throw Problem.badRequest(field + ": required text field is missing");
        }
        return value;
    }

    static String optionalText(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw Problem.badRequest(field + ": expected text, got " + describe(value));
        }
        if (text.length() > 128) {
            throw Problem.badRequest(field + ": expected at most 128 characters, got " + text.length());
        }
        return text.isBlank() ? null : text;
    }

    static int intParam(RoutingContext ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw Problem.badRequest(name + ": expected a number from " + min + " to " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + ": expected a whole number, got '" + raw + "'");
        }
    }

    static Instant instantParam(RoutingContext ctx, String name, Instant defaultValue) {
        String raw = ctx.queryParams().get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(raw));
            } catch (NumberFormatException n) {
                throw Problem.badRequest(name + ": expected an ISO-8601 instant such as 2026-11-24T10:00:00Z"
                        + " or epoch milliseconds, got '" + raw + "'");
            }
        }
    }

    static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
