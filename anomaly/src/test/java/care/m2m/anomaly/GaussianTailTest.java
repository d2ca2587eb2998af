package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianTailTest {

    @Test
    void matchesKnownTailProbabilities() {
        assertThat(GaussianTail.upperTail(0.0)).isCloseTo(0.5, within(1e-7));
        assertThat(GaussianTail.upperTail(1.959964)).isCloseTo(0.025, within(1e-7));
        assertThat(GaussianTail.upperTail(-1.959964)).isCloseTo(0.975, within(1e-7));
    }

    @Test
    void staysFiniteFarInTheTail() {
        assertThat(GaussianTail.surprise(40.0)).isBetween(349.0, 351.0);
        assertThat(GaussianTail.surprise(-3.0)).isZero();
    }
}
