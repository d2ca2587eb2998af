package care.m2m.advisor.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Newcombe's hybrid score interval, checked against the worked examples of Newcombe (1998), Table II, method 10. */
class ProportionDifferenceTest {

    @Test
    void matchesNewcombesPublishedIntervals() {
        ProportionDifference a = ProportionDifference.of(56, 70, 48, 80, 0.95);
        assertThat(a.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(a.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(a.high()).isCloseTo(0.3339, within(5e-5));

        ProportionDifference b = ProportionDifference.of(9, 10, 3, 10, 0.95);
        assertThat(b.low()).isCloseTo(0.1705, within(5e-5));
        assertThat(b.high()).isCloseTo(0.8090, within(5e-5));

        ProportionDifference zeroes = ProportionDifference.of(0, 10, 0, 20, 0.95);
        assertThat(zeroes.low()).isCloseTo(-0.1611, within(5e-5));
        assertThat(zeroes.high()).isCloseTo(0.2775, within(5e-5));
    }

    @Test
    void coversTheTrueDifferenceAboutAsOftenAsItSays() {
        Random random = new Random(7);
        int covered = 0;
        int runs = 2000;
        for (int run = 0; run < runs; run++) {
            int x1 = binomial(random, 60, 0.1);
            int x2 = binomial(random, 40, 0.3);
            ProportionDifference d = ProportionDifference.of(x1, 60, x2, 40, 0.95);
            if (d.low() <= -0.2 && -0.2 <= d.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.93, 0.975);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> ProportionDifference.of(3, 2, 0, 5, 0.95)).hasMessageContaining("treated")
                .hasMessageContaining("3 of 2");
        assertThatThrownBy(() -> ProportionDifference.of(0, 2, 0, 0, 0.95)).hasMessageContaining("control");
    }

    private static int binomial(Random random, int n, double p) {
        int x = 0;
        for (int i = 0; i < n; i++) {
            x += random.nextDouble() < p ? 1 : 0;
        }
        return x;
    }
}
