package care.m2m.advisor.maintenance;

import care.m2m.advisor.history.Counters;
import care.m2m.advisor.history.Point;
import care.m2m.advisor.tips.AdvisorContext;
import care.m2m.advisor.tips.Benefit;
import care.m2m.advisor.tips.Device;
import care.m2m.advisor.tips.Evidence;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipGenerator;
import care.m2m.advisor.tips.TipKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Descale before scale costs pressure and heat: the descale interval (drinks) follows the water hardness the
 * machine reports, the drinks per day follow the brew counter, and the tip comes when the interval will be
 * reached within {@link #LEAD_DAYS} days, before brew pressure and temperature suffer.
 */
public final class DescaleDueGenerator implements TipGenerator {

    /** How many days ahead of the due date the tip is given. */
    public static final int LEAD_DAYS = 14;

    /** Drinks between descales for a water hardness in °dH, after common espresso-machine manuals. */
    public static int intervalCups(double hardnessDh) {
        if (hardnessDh <= 7) {
            return 500;
        }
        if (hardnessDh <= 14) {
            return 300;
        }
        if (hardnessDh <= 21) {
            return 200;
        }
        return 120;
    }

    @Override
    public boolean appliesTo(Device device) {
        return device.reports("cups_since_descale") && device.reports("water_hardness_dh");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        String id = context.device().id();
        List<Point> cups = context.history().numeric(id, "cups_since_descale", context.window());
        List<Point> hardness = context.history().numeric(id, "water_hardness_dh", context.window());
        if (cups.isEmpty() || hardness.isEmpty()) {
            return Optional.empty();
        }
        double since = cups.getLast().value();
        double dh = hardness.getLast().value();
        int interval = intervalCups(dh);
        double perDay = cupsPerDay(context);
        double daysLeft = perDay > 0 ? (interval - since) / perDay : Double.POSITIVE_INFINITY;
        if (since < interval && daysLeft > LEAD_DAYS) {
            return Optional.empty();
        }
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "%.0f drinks since the last descale; at %.1f °dH the machine needs descaling every %d drinks; "
                        + "about %.1f drinks a day", since, dh, interval, perDay),
                Map.of("cups_since_descale", since, "water_hardness_dh", dh, "interval_cups", (double) interval,
                        "cups_per_day", perDay, "days_left", Math.max(0, Math.min(daysLeft, 3650))));
        String when = since >= interval ? "now" : String.format(Locale.ROOT, "within %.0f days", Math.max(1, daysLeft));
        String advice = "Descale your machine " + when + ": start the descale program from the menu with descaler in "
                + "the tank (about 30 minutes). It keeps brew pressure and temperature right.";
        double confidence = perDay > 0 || since >= interval ? 0.9 : 0.7;
        return Optional.of(new Tip(TipKind.MAINTENANCE_DUE, id, evidence, advice, new Benefit(0, 0,
                "descaling on time keeps scale out of the boiler and pump, the commonest cause of early failure"),
                confidence));
    }

    private static double cupsPerDay(AdvisorContext context) {
        return Counters.perDay(context.history().numeric(context.device().id(), "brew_count_total", context.window()));
    }
}
