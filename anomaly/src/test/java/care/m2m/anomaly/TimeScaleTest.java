package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

    private static double[] sine(int n, int period, double noise, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 10.0 + 3.0 * Math.sin(2 * Math.PI * i / period) + noise * random.nextGaussian();
        }
        return v;
    }

    @Test
    void findsTheDailyPeriodOfA5MinuteSineInTwoAndAHalfDays() {
        double[] v = sine(728, 288, 0.5, 1);

        assertThat(TimeScale.dominantPeriod(v, v.length, false, 0.2)).isBetween(284, 292);
        double[] clean = sine(728, 288, 0.0, 1);
        // the (biased) autocorrelation shrinks with the lag, which pulls the peak a little short of the period
        assertThat(TimeScale.dominantPeriod(clean, clean.length, true, 0.2)).isBetween(272, 292);
        // first differences amplify the noise: a slow cycle under noise is lost in them
        assertThat(TimeScale.dominantPeriod(v, v.length, true, 0.2)).isZero();
    }

    @Test
    void findsAShortPeriodUnderATrendOnlyThroughTheDifferences() {
        double[] v = sine(728, 48, 0.0, 2);
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.2 * i;
        }

        assertThat(TimeScale.dominantPeriod(v, v.length, true, 0.2)).isEqualTo(48);
        assertThat(TimeScale.dominantPeriod(v, v.length, false, 0.2)).isNotEqualTo(48);
    }

    @Test
    void reportsNoPeriodForNoiseOrAConstant() {
        double[] noise = new double[728];
        Random random = new Random(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }

        assertThat(TimeScale.dominantPeriod(noise, noise.length, false, 0.2)).isZero();
        assertThat(TimeScale.dominantPeriod(new double[728], 728, false, 0.2)).isZero();
    }

    @Test
    void theDecorrelationLagOfASineIsWhereItsCosineFallsBelowTheThreshold() {
        double[] v = sine(728, 288, 0.0, 4);
        // the autocorrelation of a sine is close to cos(2 pi lag / period): below 1/e from lag 288 * acos(1/e) / 2 pi
        int expected = (int) Math.ceil(288 * Math.acos(1 / Math.E) / (2 * Math.PI));

        assertThat(TimeScale.decorrelationLag(v, v.length, 1 / Math.E)).isBetween(expected - 4, expected + 4);
        assertThat(TimeScale.decorrelationLag(v, v.length, 0.0)).isBetween(68, 76);
        assertThat(TimeScale.decorrelationLag(new double[100], 100, 0.5)).isZero();
    }

    @Test
    void theMedianIntervalIgnoresGapsAndDuplicates() {
        long[] t = {0, 300_000, 600_000, 600_000, 900_000, 9_000_000, 9_300_000, 9_600_000};

        assertThat(TimeScale.medianIntervalMillis(t, t.length)).isEqualTo(300_000L);
        assertThat(TimeScale.medianIntervalMillis(t, 1)).isZero();
    }
}
