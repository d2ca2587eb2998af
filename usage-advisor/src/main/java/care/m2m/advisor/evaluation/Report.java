package care.m2m.advisor.evaluation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints evaluation results as a plain-text report a reader can check by hand. */
final class Report {

    private Report() {
    }

    static void print(List<YearResult> results, ShiftingRules rules, PrintStream out) {
        out.println("Shifting evaluation: real appliance load (UCI appliances energy, 2016) x real Belgian day-ahead prices");
        out.println("constraints: " + rules);
        out.println("advice: decided at each cycle's recorded start with prices published by then "
                + "(day D+1 known from 13:00 Europe/Brussels on day D), cycles seen one by one in time order");
        out.println("optimum: perfect foresight, exact branch and bound over every feasible start slot");
        for (YearResult r : results) {
            out.println();
            out.printf(Locale.ROOT, "price year %d: house %s mapped to %s .. %s (ISO week and weekday kept, +%d days)%n",
                    r.priceYear(), r.firstSourceDate(), r.firstPriceDate(), r.lastPriceDate(),
                    java.time.temporal.ChronoUnit.DAYS.between(r.firstSourceDate(), r.firstPriceDate()));
            out.printf(Locale.ROOT, "  cycles found %d (flexible %.1f kWh); left in place: %d above the power limit, %d unpriced%n",
                    r.cycles(), r.flexibleKwh(), r.tooPowerful(), r.unpriced());
            out.printf(Locale.ROOT, "  shifted: advised %.1f kWh, optimum %.1f kWh%n", r.advisedShiftedKwh(),
                    r.optimumShiftedKwh());
            out.printf(Locale.ROOT, "  EUR flexible energy: recorded %.2f, advised %.2f, optimum %.2f (all appliance energy as recorded: %.2f)%n",
                    r.recordedEur(), r.advisedEur(), r.optimumEur(), r.houseEur());
            out.printf(Locale.ROOT, "  saved: advised %.2f EUR, optimum %.2f EUR; fraction of optimum %.2f%%%n",
                    r.recordedEur() - r.advisedEur(), r.recordedEur() - r.optimumEur(), 100 * r.fractionOfOptimum());
            out.println("  constraint violations: " + (r.violations().isEmpty() ? "none" : r.violations()));
        }
    }
}
