package care.m2m.gateway.api;

import care.m2m.contracts.topics.Topics;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code POST /api/v1/admin/devices}: an optional device id (generated when absent), the model, and
 * optional customer reference and location. Anything else is refused with a 400 {@link Problem} naming the field.
 */
record DeviceRegistrationBody(String id, String model, String customerRef, String location) {

    static DeviceRegistrationBody of(JsonObject body) {
        String id = Json.optionalText(body, "id");
        if (id != null && !Topics.isValidDeviceId(id)) {
            throw Problem.badRequest("id: expected 1 to 64 of [A-Za-z0-9._-] starting with a letter or digit, got '"
                    + id + "'");
        }
        String model = Json.requiredText(body, "model");
        return new DeviceRegistrationBody(id, model, Json.optionalText(body, "customerRef"),
                Json.optionalText(body, "location"));
    }
}
