package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowFeaturesTest {

    @Test
    void haarKeepsTheAverageFirstAndTheDetailsFromCoarseToFine() {
        double[] x = {1, 1, 1, 1, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0};

        WindowFeatures.haar(x, 8);

        assertThat(x[0]).isCloseTo(16 / Math.sqrt(8), within(1e-12)); // sum / sqrt(n)
        // a detail is the later half minus the earlier one (the sign of Wavelets.jl's Haar filter, which ARTime
        // uses: with the other sign the min-max rescaled features differ and NAB's ARTime score is not reproduced)
        assertThat(x[1]).isCloseTo(8 / Math.sqrt(8), within(1e-12));
        for (int i = 2; i < 8; i++) {
            assertThat(x[i]).isCloseTo(0.0, within(1e-12)); // no finer detail in a step at the middle
        }
    }

    @Test
    void finestDetailsAreEachPairsLaterMinusEarlierValue() {
        double[] x = {0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        WindowFeatures.haar(x, 8);

        assertThat(x[4]).isCloseTo(1 / Math.sqrt(2), within(1e-12));
        assertThat(x[7]).isCloseTo(-2 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void featuresAreTheShapeThenTheLevelsQuantisedToBytes() {
        double[] window = {0.2, 0.2, 0.2, 0.2, 0.6, 0.6, 0.6, 0.6};
        int[] out = new int[16];

        WindowFeatures.extract(window, new double[16], out);

        for (int i = 0; i < 16; i++) {
            assertThat(out[i]).isBetween(0, 255);
        }
        assertThat(out[15]).isEqualTo(WindowFeatures.quantise(0.6)); // the energy dimension: latest level
        assertThat(out[8]).isEqualTo(WindowFeatures.quantise(0.2));
    }

    @Test
    void theShapeDoesNotDependOnTheLevelOrScaleOfTheWindow() {
        double[] low = {0.1, 0.15, 0.1, 0.2, 0.1, 0.15, 0.1, 0.2};
        double[] high = new double[8];
        for (int i = 0; i < 8; i++) {
            high[i] = 0.5 + 2 * (low[i] - 0.1);
        }
        int[] a = new int[16];
        int[] b = new int[16];

        WindowFeatures.extract(low, new double[16], a);
        WindowFeatures.extract(high, new double[16], b);

        for (int i = 0; i < 8; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1));
        }
        assertThat(a[15]).isNotEqualTo(b[15]);
    }
}
