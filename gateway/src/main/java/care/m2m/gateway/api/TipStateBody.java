package care.m2m.gateway.api;

import care.m2m.gateway.tips.TipRecord;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The body of {@code POST /api/v1/customer/tips/{id}/state}: {@code {"state":"dismissed"}} and the like. */
final class TipStateBody {

    private TipStateBody() {
    }

    static TipRecord.State of(JsonObject body) {
        String state = Json.requiredText(body, "state");
        try {
            return TipRecord.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("state: expected read, done, dismissed or snoozed, got '" + state + "'");
        }
    }
}
