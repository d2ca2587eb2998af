package care.m2m.advisor.shifting;

import care.m2m.advisor.cycles.PowerCurve;
import care.m2m.advisor.cycles.PowerCycle;
import care.m2m.advisor.cycles.StateTimeline;
import care.m2m.advisor.history.Point;
import care.m2m.advisor.tips.AdvisorContext;
import care.m2m.advisor.tips.Benefit;
import care.m2m.advisor.tips.Device;
import care.m2m.advisor.tips.Evidence;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipGenerator;
import care.m2m.advisor.tips.TipKind;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shift flexible cycles to cheap hours: replays each recorded cycle of the look-back window through the
 * {@link StartPlanner}, deciding at the moment it really started with only the prices published then, and
 * totals what the cycles would have saved. The benefit is that replay, scaled to a month.
 */
public final class ShiftCyclesGenerator implements TipGenerator {

    /** Planning grid: a quarter hour divides hourly prices and is fine enough for appliance programs. */
    static final Duration SLOT = Duration.ofMinutes(15);
    private static final Duration MAX_HOLD = Duration.ofMinutes(5);
    private static final int MIN_CYCLES = 3;
    private static final int FULL_CONFIDENCE_CYCLES = 8;

    private final ShiftableLoad load;

    public ShiftCyclesGenerator(ShiftableLoad load) {
        this.load = load;
    }

    @Override
    public boolean appliesTo(Device device) {
        return device.category().equals(load.category()) && device.reports("power_w");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        String id = context.device().id();
        PowerCurve curve = new PowerCurve(power(context), MAX_HOLD);
        List<PowerCycle> cycles = load.detector().detect(curve);
        TariffSlots slots = new TariffSlots(context.tariff(), context.window().from().truncatedTo(ChronoUnit.HOURS), SLOT);
        double recorded = 0;
        double advised = 0;
        int priced = 0;
        int cheaperLater = 0;
        List<Double> delays = new ArrayList<>();
        for (PowerCycle cycle : cycles) {
            int start = slots.slotOf(cycle.start());
            int end = slots.slotOf(cycle.end().minusNanos(1)) + 1;
            LoadProfile profile = profile(curve, slots, start, end);
            double cost = profile.cost(slots, start);
            Optional<Placement> plan = StartPlanner.cheapest(profile, start, end + load.flexHours() * 4, start, slots,
                    SlotCapacity.UNLIMITED);
            if (Double.isNaN(cost) || plan.isEmpty()) {
                continue;
            }
            priced++;
            recorded += cost;
            advised += plan.get().costEur();
            if (plan.get().costEur() < cost - 1e-9) {
                cheaperLater++;
                delays.add((plan.get().start() - start) * SLOT.toMinutes() / 60.0);
            }
        }
        if (priced < MIN_CYCLES || cheaperLater == 0) {
            return Optional.empty();
        }
        double eurPerMonth = context.perMonth(recorded - advised);
        double medianDelay = delays.stream().sorted().toList().get(delays.size() / 2);
        double confidence = (double) cheaperLater / priced * Math.min(1.0, (double) priced / FULL_CONFIDENCE_CYCLES);
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "%d of %d %s in the last %.0f days would have cost less finishing within %d h of when they did",
                cheaperLater, priced, load.name(), context.window().days(), load.flexHours()),
                Map.of("cycles", (double) priced, "cycles_cheaper_later", (double) cheaperLater,
                        "eur_recorded", recorded, "eur_advised", advised, "median_delay_h", medianDelay,
                        "flex_h", (double) load.flexHours()));
        String advice = String.format(Locale.ROOT, "Start your %s later, typically %.1f h later, with delay start or a"
                        + " schedule: the same %s would have cost %.2f EUR instead of %.2f EUR, about %.2f EUR a month.",
                load.name(), medianDelay, load.name(), advised, recorded, eurPerMonth);
        return Optional.of(new Tip(TipKind.SHIFT_TO_CHEAP_HOURS, id, evidence, advice, Benefit.energy(0, eurPerMonth),
                confidence));
    }

    private List<Point> power(AdvisorContext context) {
        String id = context.device().id();
        List<Point> power = context.history().numeric(id, "power_w", context.window());
        if (load.onlyInState().isEmpty()) {
            return power;
        }
        StateTimeline state = new StateTimeline(context.history().states(id, "state", context.window()));
        String wanted = load.onlyInState().get();
        return power.stream()
                .map(p -> state.at(p.at()).filter(wanted::equals).isPresent() ? p : new Point(p.at(), 0))
                .toList();
    }

    private static LoadProfile profile(PowerCurve curve, TariffSlots slots, int start, int end) {
        double[] wattHours = new double[end - start];
        for (int slot = start; slot < end; slot++) {
            wattHours[slot - start] = curve.wattHours(slots.startOf(slot), slots.startOf(slot + 1));
        }
        return LoadProfile.contiguous(wattHours);
    }
}
