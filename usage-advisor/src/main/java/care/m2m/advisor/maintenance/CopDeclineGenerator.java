package care.m2m.advisor.maintenance;

import care.m2m.advisor.history.Counters;
import care.m2m.advisor.history.Point;
import care.m2m.advisor.tariff.TariffAverage;
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
 * A heat pump losing efficiency: COP depends on the outdoor temperature, so COP is fitted against outdoor
 * temperature and time together, and the tip comes when COP at the same outdoor temperature fell by
 * {@link #MIN_DROP} or more over the window (a dirty outdoor coil, a clogged strainer, low refrigerant).
 * The energy benefit is the heat the customer used divided by the lost efficiency.
 */
public final class CopDeclineGenerator implements TipGenerator {

    static final double MIN_DROP = 0.3;
    private static final int MIN_READINGS = 50;
    private static final double MIN_R_SQUARED = 0.6;

    @Override
    public boolean appliesTo(Device device) {
        return device.reports("cop") && device.reports("outdoor_temp_c");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        String id = context.device().id();
        List<Point> cop = context.history().numeric(id, "cop", context.window()).stream()
                .filter(p -> p.value() > 0).toList();
        List<Point> outdoor = context.history().numeric(id, "outdoor_temp_c", context.window());
        if (cop.size() < MIN_READINGS || outdoor.isEmpty()) {
            return Optional.empty();
        }
        CopModel model = CopModel.fit(cop, outdoor, context.window().from());
        double days = context.window().days();
        double copThen = model.copAt(model.meanOutdoorC(), 0);
        double copNow = model.copAt(model.meanOutdoorC(), days);
        if (copThen - copNow < MIN_DROP || model.rSquared() < MIN_R_SQUARED || copNow <= 0) {
            return Optional.empty();
        }
        double heatKwh = Counters.perDay(context.history().numeric(id, "heat_wh_total", context.window())) / 1000.0
                * days;
        double extraKwh = heatKwh > 0 ? heatKwh / copNow - heatKwh / copThen : 0;
        double kwhPerMonth = context.perMonth(extraKwh);
        double eurPerMonth = kwhPerMonth * TariffAverage.eurPerKwh(context.tariff(), context.window().from(),
                context.window().to());
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "at %.1f °C outside the COP fell from %.2f to %.2f in %.0f days (fit R² %.2f over %d readings)",
                model.meanOutdoorC(), copThen, copNow, days, model.rSquared(), cop.size()),
                Map.of("cop_then", copThen, "cop_now", copNow, "outdoor_c", model.meanOutdoorC(),
                        "r_squared", model.rSquared(), "extra_kwh", extraKwh));
        String advice = String.format(Locale.ROOT, "Your heat pump is getting less efficient: clear leaves, snow or ice"
                + " around the outdoor unit and check the water strainer; if that does not help, book a service."
                + " Restoring its efficiency saves about %.0f kWh (%.2f EUR) a month.", kwhPerMonth, eurPerMonth);
        return Optional.of(new Tip(TipKind.MAINTENANCE_DUE, id, evidence, advice, new Benefit(kwhPerMonth, eurPerMonth,
                "a compressor that works against a dirty coil wears faster"), Math.min(0.9, model.rSquared())));
    }
}
