package care.m2m.advisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.shifting.LoadProfile;
import care.m2m.advisor.shifting.SlotPrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ExactOptimumTest {

    private static final int SLOTS = 40;

    private static SlotPrices prices(double[] eur, int known) {
        return new SlotPrices() {
            @Override
            public double price(int slot) {
                return slot < eur.length ? eur[slot] : Double.NaN;
            }

            @Override
            public int knownUntil(int decisionSlot) {
                return known;
            }
        };
    }

    @Test
    void twoCyclesCompetingForOneCheapSlotAreSharedOptimally() {
        double[] eur = new double[SLOTS];
        java.util.Arrays.fill(eur, 0.30);
        eur[5] = 0.05;
        eur[6] = 0.20;
        List<FlexibleCycle> cycles = List.of(
                new FlexibleCycle(0, 0, LoadProfile.contiguous(100), 7),
                new FlexibleCycle(1, 1, LoadProfile.contiguous(300), 7));
        SlotPrices p = prices(eur, SLOTS);

        Schedule advised = AdvisedSchedule.plan(cycles, p, 300, SLOTS);
        Schedule optimum = ExactOptimum.solve(cycles, p, 300, SLOTS, advised);

        assertThat(advised.start(0)).isEqualTo(5);
        assertThat(optimum.start(1)).isEqualTo(5);
        assertThat(optimum.start(0)).isEqualTo(6);
        assertThat(optimum.costEur(p)).isLessThan(advised.costEur(p));
    }

    @RepeatedTest(20)
    void matchesBruteForceOnRandomSmallInstances(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        double[] eur = new double[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            eur[i] = random.nextInt(40) / 100.0 - 0.05;
        }
        List<FlexibleCycle> ordered = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < 4; i++) {
            LoadProfile profile = LoadProfile.contiguous(100 + random.nextInt(200), 100 + random.nextInt(200));
            ordered.add(new FlexibleCycle(i, start, profile, start + 2 + random.nextInt(12)));
            start += 2 + random.nextInt(3);
        }
        SlotPrices p = prices(eur, SLOTS);
        double capacity = 400;

        Schedule advised = AdvisedSchedule.plan(ordered, p, capacity, SLOTS);
        Schedule optimum = ExactOptimum.solve(ordered, p, capacity, SLOTS, advised);

        assertThat(optimum.costEur(p)).isCloseTo(bruteForce(ordered, p, capacity), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(optimum.violations(capacity, SLOTS)).isEmpty();
    }

    private static double bruteForce(List<FlexibleCycle> cycles, SlotPrices p, double capacity) {
        return bruteForce(cycles, p, new Occupancy(SLOTS, capacity), 0);
    }

    private static double bruteForce(List<FlexibleCycle> cycles, SlotPrices p, Occupancy occupancy, int i) {
        if (i == cycles.size()) {
            return 0;
        }
        FlexibleCycle cycle = cycles.get(i);
        double best = Double.POSITIVE_INFINITY;
        for (int start = cycle.start(); start <= cycle.latestStart(); start++) {
            if (occupancy.fits(cycle.profile(), start)) {
                occupancy.place(cycle.profile(), start);
                best = Math.min(best, cycle.profile().cost(p, start) + bruteForce(cycles, p, occupancy, i + 1));
                occupancy.remove(cycle.profile(), start);
            }
        }
        return best;
    }
}
