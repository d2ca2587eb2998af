package care.m2m.advisor.eco;

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
 * Wash cotton at 40 to 60 °C with eco 40-60: the eco program is certified to clean the same 40 to 60 °C cotton
 * loads (the same outcome), and when the customer has run both, their own cycles show what each costs. The
 * saving is their measured energy difference times their cotton washes.
 */
public final class EcoProgramGenerator implements TipGenerator {

    public static final String COTTON = "cotton";
    public static final String ECO = "eco_40_60";
    /** Cotton washes above this water temperature (boil washes) are not what eco 40-60 replaces. */
    static final double MAX_COMPARABLE_C = 62;
    private static final int MIN_EACH = 3;

    @Override
    public boolean appliesTo(Device device) {
        return device.category().equals("washing_machine") && device.reports("program") && device.reports("power_w");
    }

    @Override
    public Optional<Tip> generate(AdvisorContext context) {
        List<ProgramCycles.Wash> washes = ProgramCycles.of(context);
        List<ProgramCycles.Wash> cotton = comparableCotton(washes);
        List<ProgramCycles.Wash> eco = washes.stream().filter(w -> w.program().equals(ECO)).toList();
        if (cotton.size() < MIN_EACH || eco.size() < MIN_EACH) {
            return Optional.empty();
        }
        double cottonWh = mean(cotton);
        double ecoWh = mean(eco);
        double savedWh = (cottonWh - ecoWh) * cotton.size();
        if (savedWh <= 0) {
            return Optional.empty();
        }
        double kwhPerMonth = context.perMonth(savedWh / 1000.0);
        double eurPerMonth = kwhPerMonth * ProgramCycles.averagePrice(context, cotton);
        Evidence evidence = new Evidence(String.format(Locale.ROOT,
                "%d cotton washes at up to 60 °C used %.2f kWh each; your %d eco 40-60 washes used %.2f kWh each",
                cotton.size(), cottonWh / 1000, eco.size(), ecoWh / 1000),
                Map.of("cotton_washes", (double) cotton.size(), "cotton_kwh_each", cottonWh / 1000,
                        "eco_washes", (double) eco.size(), "eco_kwh_each", ecoWh / 1000));
        String advice = String.format(Locale.ROOT, "Use eco 40-60 instead of cotton for everyday 40 and 60 °C loads: "
                + "it cleans them as well, takes longer and heats less. Saves about %.1f kWh (%.2f EUR) a month.",
                kwhPerMonth, eurPerMonth);
        double confidence = 0.9 * Math.min(1.0, Math.min(cotton.size(), eco.size()) / 5.0);
        return Optional.of(new Tip(TipKind.ECO_MODE, context.device().id(), evidence, advice,
                Benefit.energy(kwhPerMonth, eurPerMonth), confidence));
    }

    /** Cotton washes at up to 60 °C: the loads eco 40-60 is made for. */
    public static List<ProgramCycles.Wash> comparableCotton(List<ProgramCycles.Wash> washes) {
        return washes.stream()
                .filter(w -> w.program().equals(COTTON))
                .filter(w -> Double.isNaN(w.maxWaterC()) || w.maxWaterC() <= MAX_COMPARABLE_C)
                .toList();
    }

    private static double mean(List<ProgramCycles.Wash> washes) {
        return washes.stream().mapToDouble(ProgramCycles.Wash::energyWh).average().orElse(0);
    }
}
