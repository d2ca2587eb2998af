package care.m2m.advisor.standby;

import care.m2m.advisor.cycles.PowerCurve;
import care.m2m.advisor.history.StatePoint;
import care.m2m.advisor.tips.AdvisorContext;
import care.m2m.advisor.tips.Benefit;
import care.m2m.advisor.tips.Device;
import care.m2m.advisor.tips.Evidence;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipGenerator;
import care.m2m.advisor.tips.TipKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A coffee machine kept hot for hours without a drink: every stretch in {@code ready} or {@code heating} with
 * no {@code brewing} is idle; what it draws after the auto-off delay would have been saved by auto-off. The
 * energy is measured from {@code power_w} over exactly those stretches, priced at the customer's tariff.
 */
public final class IdleWasteGenerator implements TipGenerator {

    /** The auto-off delay the tip recommends; a machine idle for less is not wasting anything. */
    public static final Duration AUTO_OFF = Duration.ofMinutes(30);
    private static final Set<String> KEPT_HOT = Set.of("ready", "heating");
    private static final Duration MAX_HOLD = Duration.ofMinutes(5);
    private static final int FULL_CONFIDENCE_STRETCHES = 6;

    @Override
    public boolean appliesTo(Device device) {
        return device.category().equals("coffee_machine") && device.reports("state") && device.reports("power_w");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        String id = context.device().id();
        List<StatePoint> states = context.history().states(id, "state", context.window());
        PowerCurve power = new PowerCurve(context.history().numeric(id, "power_w", context.window()), MAX_HOLD);
        double wasteWh = 0;
        double wasteEur = 0;
        double idleHours = 0;
        int stretches = 0;
        Instant since = null;
        for (int i = 0; i <= states.size(); i++) {
            boolean hot = i < states.size() && KEPT_HOT.contains(states.get(i).value());
            if (hot && since == null) {
                since = states.get(i).at();
            } else if (!hot && since != null) {
                Instant until = i < states.size() ? states.get(i).at() : context.window().to();
                Instant offAt = since.plus(AUTO_OFF);
                if (until.isAfter(offAt)) {
                    double wh = power.wattHours(offAt, until);
                    Instant middle = offAt.plus(Duration.between(offAt, until).dividedBy(2));
                    wasteWh += wh;
                    wasteEur += wh / 1000.0 * context.tariff().pricePerKwh(middle).orElse(0);
                    idleHours += Duration.between(offAt, until).toMinutes() / 60.0;
                    stretches++;
                }
                since = null;
            }
        }
        if (stretches == 0 || wasteWh <= 0) {
            return Optional.empty();
        }
        double kwhPerMonth = context.perMonth(wasteWh / 1000.0);
        double eurPerMonth = context.perMonth(wasteEur);
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "kept hot without a drink %d times for %.1f h in all beyond %d minutes, using %.2f kWh in %.0f days",
                stretches, idleHours, AUTO_OFF.toMinutes(), wasteWh / 1000.0, context.window().days()),
                Map.of("idle_stretches", (double) stretches, "idle_hours", idleHours, "waste_kwh", wasteWh / 1000.0,
                        "waste_eur", wasteEur));
        String advice = String.format(Locale.ROOT, "Set auto-off to %d minutes: the machine switches off when no drink "
                        + "follows and heats up again in about a minute when you want one. Saves about %.1f kWh "
                        + "(%.2f EUR) a month.", AUTO_OFF.toMinutes(), kwhPerMonth, eurPerMonth);
        double confidence = 0.9 * Math.min(1.0, (double) stretches / FULL_CONFIDENCE_STRETCHES);
        return Optional.of(new Tip(TipKind.IDLE_WASTE, id, evidence, advice, Benefit.energy(kwhPerMonth, eurPerMonth),
                confidence));
    }
}
