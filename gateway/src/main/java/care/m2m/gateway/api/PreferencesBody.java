package care.m2m.gateway.api;

import care.m2m.gateway.tips.Preferences;
import care.m2m.gateway.tips.Preferences.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;

/**
 * The body of {@code PUT /api/v1/customer/preferences}: channels, quiet hours, time zone, weekly limit and
 * opt-out; a field left out keeps its default. Every wrong field is a 400 {@link Problem} naming it.
 */
final class PreferencesBody {

    private PreferencesBody() {
    }

    static Preferences of(JsonObject body, String customerRef) {
        Preferences defaults = Preferences.defaults(customerRef);
        EnumSet<Channel> channels = defaults.channels().isEmpty() ? EnumSet.noneOf(Channel.class)
                : EnumSet.copyOf(defaults.channels());
        Object requested = body.getValue("channels");
        if (requested != null) {
            if (!(requested instanceof JsonArray list)) {
                throw Problem.badRequest("channels: expected a list such as [\"device\",\"web\"], got "
                        + Json.describe(requested));
            }
            channels = EnumSet.noneOf(Channel.class);
            for (Object c : list) {
                try {
                    channels.add(Channel.valueOf(String.valueOf(c).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw Problem.badRequest("channels: expected device, web or webhook, got '" + c + "'");
                }
            }
        }
        LocalTime quietStart = time(body, "quietStart", defaults.quietStart());
        LocalTime quietEnd = time(body, "quietEnd", defaults.quietEnd());
        ZoneId zone = zone(body, defaults.zone());
        Object max = body.getValue("maxPerWeek");
        int maxPerWeek = defaults.maxPerWeek();
        if (max != null) {
            if (!(max instanceof Integer || max instanceof Long) || ((Number) max).longValue() != ((Number) max).intValue()) {
                throw Problem.badRequest("maxPerWeek: expected a whole number, got " + Json.describe(max));
            }
            maxPerWeek = ((Number) max).intValue();
        }
        Object optedOut = body.getValue("optedOut");
        if (optedOut != null && !(optedOut instanceof Boolean)) {
            throw Problem.badRequest("optedOut: expected true or false, got " + Json.describe(optedOut));
        }
        try {
            return new Preferences(customerRef, channels, quietStart, quietEnd, zone, maxPerWeek,
                    Boolean.TRUE.equals(optedOut));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private static LocalTime time(JsonObject body, String field, LocalTime defaultValue) {
        String text = Json.optionalText(body, field);
        if (text == null) {
            return defaultValue;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw Problem.badRequest(field + ": expected a time of day as HH:MM, got '" + text + "'");
        }
    }

    private static ZoneId zone(JsonObject body, ZoneId defaultValue) {
        String text = Json.optionalText(body, "timeZone");
        if (text == null) {
            return defaultValue;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw Problem.badRequest("timeZone: expected a zone id such as Europe/Brussels, got '" + text + "'");
        }
    }
}
