package care.m2m.gateway.web;

import care.m2m.gateway.tips.Preferences;
import care.m2m.gateway.tips.Preferences.Channel;
import care.m2m.gateway.tips.TipService;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;

/**
 * The preferences form: consent per channel, quiet hours, the weekly maximum and opt-out, saved through the
 * same {@link TipService} as the customer API, so an opt-out takes effect at once everywhere. A mistake is
 * shown next to the form with what was expected.
 */
final class CustomerPreferencesForm {

    /** Renders the overview again with a message about the form (status 400 when it was wrong). */
    interface Overview {
        void show(RoutingContext ctx, int status, String message);
    }

    private final TipService tips;
    private final Overview overview;

    CustomerPreferencesForm(TipService tips, Overview overview) {
        this.tips = tips;
        this.overview = overview;
    }

    void save(RoutingContext ctx) {
        String ref = CustomerPages.customer(ctx);
        MultiMap form = ctx.request().formAttributes();
        Preferences preferences;
        try {
            preferences = parse(ref, form);
        } catch (IllegalArgumentException | DateTimeException e) {
            overview.show(ctx, 400, e.getMessage());
            return;
        }
        tips.savePreferences(preferences)
                .onSuccess(p -> ctx.response().setStatusCode(303)
                        .putHeader("Location", "/web/customer?saved=1#preferences").end())
                .onFailure(e -> WebErrors.failed(ctx, e));
    }

    static Preferences parse(String ref, MultiMap form) {
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String c : form.getAll("channel")) {
            try {
                channels.add(Channel.valueOf(c.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Channels: expected device, web or webhook, got '" + c + "'.");
            }
        }
        LocalTime quietStart = time(form.get("quietStart"), "Quiet hours from");
        LocalTime quietEnd = time(form.get("quietEnd"), "Quiet hours until");
        ZoneId zone;
        try {
            zone = ZoneId.of(form.get("timeZone") == null ? "" : form.get("timeZone").trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Time zone: expected a zone such as Europe/Brussels, got '"
                    + form.get("timeZone") + "'.");
        }
        int maxPerWeek;
        try {
            maxPerWeek = Integer.parseInt(form.get("maxPerWeek") == null ? "" : form.get("maxPerWeek").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Tips per week: expected a whole number, got '" + form.get("maxPerWeek") + "'.");
        }
        if (maxPerWeek < 0 || maxPerWeek > 50) {
            throw new IllegalArgumentException("Tips per week: expected 0 to 50, got " + maxPerWeek + ".");
        }
        return new Preferences(ref, channels, quietStart, quietEnd, zone, maxPerWeek, form.contains("optedOut"));
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + ": expected a time as HH:MM, got '" + value + "'.");
        }
    }
}
