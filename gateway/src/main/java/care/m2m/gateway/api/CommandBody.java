package care.m2m.gateway.api;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/devices/{id}/commands}: the action, optional parameters (a JSON object) and how
 * long the command may wait for the device ({@code ttlSeconds}, 1 s to 7 days, default 1 hour). Whether the
 * action exists for the device's model is checked later, against the registry.
 */
record CommandBody(String action, Map<String, Object> params, Duration ttl) {

    static final int MAX_TTL_SECONDS = 7 * 24 * 3600;
    static final int DEFAULT_TTL_SECONDS = 3600;

    static CommandBody of(JsonObject body) {
        String action = Json.requiredText(body, "action");
        Object params = body.getValue("params");
        if (params != null && !(params instanceof JsonObject)) {
            throw Problem.badRequest("params: expected a JSON object, got " + Json.describe(params));
        }
        Object ttl = body.getValue("ttlSeconds");
        long seconds = DEFAULT_TTL_SECONDS;
        if (ttl != null) {
            if (!(ttl instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                throw Problem.badRequest("ttlSeconds: expected a whole number of seconds, got " + Json.describe(ttl));
            }
            seconds = number.longValue();
        }
        if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
            throw Problem.badRequest("ttlSeconds: expected 1 to " + MAX_TTL_SECONDS + ", got " + ttl);
        }
        return new CommandBody(action, params == null ? Map.of() : ((JsonObject) params).getMap(),
                Duration.ofSeconds(seconds));
    }
}
