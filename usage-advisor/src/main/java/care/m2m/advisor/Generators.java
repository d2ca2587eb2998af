package care.m2m.advisor;

import care.m2m.advisor.eco.EcoProgramGenerator;
import care.m2m.advisor.eco.HeatingOvershootGenerator;
import care.m2m.advisor.features.UnusedEcoProgramGenerator;
import care.m2m.advisor.maintenance.CopDeclineGenerator;
import care.m2m.advisor.maintenance.DescaleDueGenerator;
import care.m2m.advisor.maintenance.DrainSlowingGenerator;
import care.m2m.advisor.shifting.ShiftCyclesGenerator;
import care.m2m.advisor.shifting.ShiftableLoad;
import care.m2m.advisor.standby.IdleWasteGenerator;
import care.m2m.advisor.tips.Advisor;
import care.m2m.advisor.tips.TipGenerator;
import care.m2m.advisor.tips.TipPolicy;
import java.util.List;

/**
 * The generators the advisor runs by default: one place to see every tip kind it can give, and the entry point
 * the gateway uses ({@link #defaultAdvisor()}).
 */
public final class Generators {

    private Generators() {
    }

    public static List<TipGenerator> all() {
        return List.of(
                new ShiftCyclesGenerator(ShiftableLoad.WASHING),
                new ShiftCyclesGenerator(ShiftableLoad.EV_CHARGING),
                new ShiftCyclesGenerator(ShiftableLoad.HOT_WATER_BOOST),
                new IdleWasteGenerator(),
                new EcoProgramGenerator(),
                new HeatingOvershootGenerator(),
                new UnusedEcoProgramGenerator(),
                new DescaleDueGenerator(),
                new DrainSlowingGenerator(),
                new CopDeclineGenerator());
    }

    /** The advisor with every generator and the default policy. */
    public static Advisor defaultAdvisor() {
        return new Advisor(all(), TipPolicy.DEFAULT);
    }
}
