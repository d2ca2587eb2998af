package care.m2m.advisor.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A simulated fleet where customers follow a tip with a known probability and effect size: the measured
 * effect must recover the simulated one within its interval, and a tip nobody follows must show none.
 */
class EffectEstimatorTest {

    private static final double BASE_WH_PER_DAY = 2000;

    @Test
    void theMeasuredEffectRecoversTheSimulatedOne() {
        double follow = 0.4;
        double saving = 0.15;
        List<Observation> fleet = simulate(600, new Holdout(0.3), follow, saving, 11);

        EffectEstimate estimate = new EffectEstimator(1).estimate(fleet, 0.95);

        double truth = -follow * saving * BASE_WH_PER_DAY;
        assertThat(estimate.low()).isLessThan(truth);
        assertThat(estimate.high()).isGreaterThan(truth);
        assertThat(estimate.significant()).isTrue();
        assertThat(estimate.relativeEffect()).isCloseTo(-follow * saving, within(0.03));
        assertThat(estimate.control()).isBetween(140, 220);
    }

    @Test
    void aTipNobodyFollowsShowsNoEffect() {
        EffectEstimate estimate = new EffectEstimator(2).estimate(simulate(600, new Holdout(0.3), 0, 0.15, 12), 0.95);
        assertThat(estimate.low()).isLessThan(0);
        assertThat(estimate.high()).isGreaterThan(0);
        assertThat(estimate.significant()).isFalse();
    }

    @Test
    void theHoldoutIsStableAndNearItsShare() {
        Holdout holdout = new Holdout(0.2);
        long held = 0;
        for (int i = 0; i < 10_000; i++) {
            held += holdout.heldOut("dev-" + i, "idle_waste") ? 1 : 0;
        }
        assertThat(held).isBetween(1850L, 2150L);
        assertThat(holdout.heldOut("dev-7", "idle_waste")).isEqualTo(holdout.heldOut("dev-7", "idle_waste"));
    }

    /** Devices with their own baseline; everyone's usage drifts by a common 3 %; followers save {@code saving}. */
    private static List<Observation> simulate(int devices, Holdout holdout, double follow, double saving, long seed) {
        Random random = new Random(seed);
        List<Observation> fleet = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String id = "dev-" + i;
            boolean treated = !holdout.heldOut(id, "idle_waste");
            double base = BASE_WH_PER_DAY * (1 + 0.2 * random.nextGaussian());
            double before = base + 60 * random.nextGaussian();
            double after = base * 1.03 + 60 * random.nextGaussian();
            if (treated && random.nextDouble() < follow) {
                after -= saving * base;
            }
            fleet.add(new Observation(id, treated, before, after));
        }
        return fleet;
    }
}
