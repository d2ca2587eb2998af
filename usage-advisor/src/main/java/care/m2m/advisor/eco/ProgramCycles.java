package care.m2m.advisor.eco;

import care.m2m.advisor.cycles.CycleDetector;
import care.m2m.advisor.cycles.PowerCurve;
import care.m2m.advisor.cycles.PowerCycle;
import care.m2m.advisor.cycles.StateTimeline;
import care.m2m.advisor.history.Point;
import care.m2m.advisor.shifting.ShiftableLoad;
import care.m2m.advisor.tips.AdvisorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A washing machine's cycles labelled with the program that ran and the hottest water it reached, so eco
 * advice can compare like with like.
 */
public final class ProgramCycles {

    /** One wash: the program, when it started, its energy and the hottest water seen (NaN when not reported). */
    public record Wash(String program, Instant start, double energyWh, double maxWaterC) {
    }

    private static final Duration MAX_HOLD = Duration.ofMinutes(5);

    private ProgramCycles() {
    }

    public static List<Wash> of(AdvisorContext context) {
        String id = context.device().id();
        CycleDetector detector = ShiftableLoad.WASHING.detector();
        List<PowerCycle> cycles = detector.detect(
                new PowerCurve(context.history().numeric(id, "power_w", context.window()), MAX_HOLD));
        StateTimeline program = new StateTimeline(context.history().states(id, "program", context.window()));
        List<Point> water = context.history().numeric(id, "water_temp_c", context.window());
        List<Wash> washes = new ArrayList<>();
        for (PowerCycle cycle : cycles) {
            String name = program.at(cycle.start().plusSeconds(60)).orElse("unknown");
            double maxWater = water.stream()
                    .filter(p -> !p.at().isBefore(cycle.start()) && p.at().isBefore(cycle.end()))
                    .mapToDouble(Point::value).max().orElse(Double.NaN);
            washes.add(new Wash(name, cycle.start(), cycle.energyWh(), maxWater));
        }
        return washes;
    }

    /** Average price per kWh at the starts of these washes, where the tariff knows it; 0 if nowhere. */
    public static double averagePrice(AdvisorContext context, List<Wash> washes) {
        return washes.stream()
                .mapToDouble(w -> context.tariff().pricePerKwh(w.start()).orElse(Double.NaN))
                .filter(Double::isFinite)
                .average().orElse(0);
    }
}
