package care.m2m.advisor.maintenance;

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
 * The drain filter filling up: the washing machine's drain time rises steadily over weeks. The tip comes when
 * the trend is clear (a line explains most of it) and the drain already takes {@link #RISE_FACTOR} times
 * longer than at the start of the window, well before the E_DRAIN_BLOCKED fault stops a program.
 */
public final class DrainSlowingGenerator implements TipGenerator {

    static final double RISE_FACTOR = 1.4;
    private static final double MIN_R_SQUARED = 0.5;
    private static final int MIN_READINGS = 8;

    @Override
    public boolean appliesTo(Device device) {
        return device.reports("drain_time_s");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        String id = context.device().id();
        List<Point> drains = context.history().numeric(id, "drain_time_s", context.window());
        if (drains.size() < MIN_READINGS) {
            return Optional.empty();
        }
        Trend trend = Trend.fit(drains);
        double first = trend.valueAt(drains.getFirst().at());
        double last = trend.valueAt(drains.getLast().at());
        if (trend.slopePerDay() <= 0 || trend.rSquared() < MIN_R_SQUARED || first <= 0 || last < RISE_FACTOR * first) {
            return Optional.empty();
        }
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "draining took %.0f s at the start of the last %.0f days and %.0f s now (+%.1f s a day, R² %.2f)",
                first, context.window().days(), last, trend.slopePerDay(), trend.rSquared()),
                Map.of("drain_s_start", first, "drain_s_now", last, "slope_s_per_day", trend.slopePerDay(),
                        "r_squared", trend.rSquared()));
        String advice = "Clean the drain filter behind the small flap at the bottom front (have a towel and a flat "
                + "dish ready): your machine drains more slowly every week, a sign the filter is filling up.";
        return Optional.of(new Tip(TipKind.MAINTENANCE_DUE, id, evidence, advice, new Benefit(0, 0,
                "a clean filter spares the drain pump and prevents a blocked-drain stop mid-program"),
                Math.min(0.95, trend.rSquared())));
    }
}
