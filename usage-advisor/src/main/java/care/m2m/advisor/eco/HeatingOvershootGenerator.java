package care.m2m.advisor.eco;

import care.m2m.advisor.cycles.StateTimeline;
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
 * A heat pump that heats the rooms above what the customer asked for: while it is heating, the indoor
 * temperature stays {@link #MIN_OVERSHOOT_C} or more above the setpoint, so a lower heating curve gives the
 * comfort the customer chose for less energy. The saving uses the common rule of thumb of
 * {@link #SAVING_PER_DEGREE} of heating energy per degree, applied to the energy the unit used.
 */
public final class HeatingOvershootGenerator implements TipGenerator {

    static final double MIN_OVERSHOOT_C = 1.0;
    static final double SAVING_PER_DEGREE = 0.06;
    private static final int MIN_READINGS = 50;

    @Override
    public boolean appliesTo(Device device) {
        return device.reports("indoor_temp_c") && device.reports("setpoint_c") && device.reports("state");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        String id = context.device().id();
        List<Point> indoor = context.history().numeric(id, "indoor_temp_c", context.window());
        List<Point> setpoint = context.history().numeric(id, "setpoint_c", context.window());
        StateTimeline state = new StateTimeline(context.history().states(id, "state", context.window()));
        double sum = 0;
        int n = 0;
        int j = 0;
        for (Point p : indoor) {
            while (j + 1 < setpoint.size() && !setpoint.get(j + 1).at().isAfter(p.at())) {
                j++;
            }
            if (!setpoint.isEmpty() && !setpoint.get(j).at().isAfter(p.at())
                    && state.at(p.at()).filter("heating"::equals).isPresent()) {
                sum += p.value() - setpoint.get(j).value();
                n++;
            }
        }
        double overshoot = n == 0 ? 0 : sum / n;
        if (n < MIN_READINGS || overshoot < MIN_OVERSHOOT_C) {
            return Optional.empty();
        }
        double usedKwh = Counters.perDay(context.history().numeric(id, "energy_wh_total", context.window())) / 1000.0
                * context.window().days();
        double kwhPerMonth = context.perMonth(usedKwh * SAVING_PER_DEGREE * Math.floor(overshoot));
        double eurPerMonth = kwhPerMonth * TariffAverage.eurPerKwh(context.tariff(), context.window().from(),
                context.window().to());
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "while heating, the rooms were on average %.1f °C above the setpoint (%d readings in %.0f days)",
                overshoot, n, context.window().days()),
                Map.of("overshoot_c", overshoot, "readings", (double) n, "used_kwh", usedKwh));
        String advice = String.format(Locale.ROOT, "Lower the heating curve by %.0f step(s): the rooms get warmer than "
                + "the temperature you set, so you keep the comfort you chose and save about %.0f kWh (%.2f EUR) a month.",
                Math.floor(overshoot), kwhPerMonth, eurPerMonth);
        return Optional.of(new Tip(TipKind.ECO_MODE, id, evidence, advice, Benefit.energy(kwhPerMonth, eurPerMonth),
                0.75));
    }
}
