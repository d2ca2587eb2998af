package care.m2m.sim.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.effect.EffectEstimate;
import care.m2m.advisor.effect.EffectEstimator;
import care.m2m.advisor.effect.Holdout;
import care.m2m.advisor.effect.Observation;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Simulated customers who follow a tip with a known probability, and products that then save a known share of
 * their energy: the advisor's effect measurement (difference in differences against a held-out group, with a
 * bootstrap interval) recovers the simulated effect within its interval, from the products' own energy counters.
 */
class TipFollowingCustomersTest {

    private static final DeviceModel HEAT_PUMP = DeviceModels.builtIn().require(Behaviours.HEAT_PUMP);
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration HALF = Duration.ofDays(4);

    @Test
    void theMeasuredEffectOfAFollowedTipRecoversTheSimulatedOne() {
        double follow = 0.5;
        double saving = 0.2;
        Holdout holdout = new Holdout(0.3);
        Random customers = new Random(3);
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "hp-" + i;
            ProductBehaviour product = Behaviours.create(HEAT_PUMP, START, ZoneOffset.UTC, 1000 + i);
            double atStart = energy(product);
            product.advanceTo(START.plus(HALF));
            double atTip = energy(product);
            boolean treated = !holdout.heldOut(id, "eco_mode");
            if (treated && customers.nextDouble() < follow) {
                product.followTip(saving);
            }
            product.advanceTo(START.plus(HALF).plus(HALF));
            double atEnd = energy(product);
            observations.add(new Observation(id, treated, (atTip - atStart) / HALF.toDays(),
                    (atEnd - atTip) / HALF.toDays()));
        }

        EffectEstimate estimate = new EffectEstimator(7).estimate(observations, 0.95);

        double before = observations.stream().filter(Observation::treated).mapToDouble(Observation::before).average()
                .orElseThrow();
        double simulated = -follow * saving * before;
        assertThat(estimate.low()).as("simulated %.0f Wh a day", simulated).isLessThan(simulated);
        assertThat(estimate.high()).as("simulated %.0f Wh a day", simulated).isGreaterThan(simulated);
        assertThat(estimate.significant()).isTrue();
    }

    @Test
    void aFollowedTipLowersPowerAndTheEnergyCounterStaysMonotonic() {
        ProductBehaviour product = Behaviours.create(HEAT_PUMP, START, ZoneOffset.UTC, 42);
        product.advanceTo(START.plus(Duration.ofHours(12)));
        double before = energy(product);
        product.followTip(0.25);
        assertThat(energy(product)).isEqualTo(before);
        product.advanceTo(START.plus(Duration.ofHours(24)));
        assertThat(energy(product)).isGreaterThanOrEqualTo(before);
    }

    private static double energy(ProductBehaviour product) {
        return ((MetricValue.Num) product.readings().get("energy_wh_total")).value();
    }
}
