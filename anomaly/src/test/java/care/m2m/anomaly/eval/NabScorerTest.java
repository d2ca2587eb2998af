package care.m2m.anomaly.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made cases whose NAB scores follow directly from the published method. */
class NabScorerTest {

    private static final NabProfile STANDARD = NabProfile.STANDARD;

    /** 200 rows, probation 15% = 30 rows, one window over rows 40..59 (width 20). */
    private static NabSeries series() {
        int n = 200;
        String[] stamps = new String[n];
        long[] millis = new long[n];
        for (int i = 0; i < n; i++) {
            stamps[i] = "t" + i;
            millis[i] = i * 300_000L;
        }
        return new NabSeries("test", "one.csv", stamps, millis, new double[n], new int[][] {{40, 59}});
    }

    private static double scoreWithDetections(NabProfile profile, int... rows) {
        NabSeries series = series();
        double[] scores = new double[series.size()];
        for (int row : rows) {
            scores[row] = 1.0;
        }
        return NabScorer.scoreFile(new NabScorer.ScoredSeries(series, scores), profile, 0.5);
    }

    @Test
    void aDetectionAtTheWindowsLeftEdgeEarnsExactlyATp() {
        assertThat(scoreWithDetections(STANDARD, 40)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void onlyTheEarliestDetectionInAWindowCounts() {
        double expected = NabScorer.scaledSigmoid(-(59 - 45 + 1) / 20.0) / NabScorer.scaledSigmoid(-1.0);

        assertThat(scoreWithDetections(STANDARD, 45, 50, 58)).isCloseTo(expected, within(1e-12));
        assertThat(expected).isBetween(0.9, 1.0);
    }

    @Test
    void aMissedWindowCostsAFnPerProfile() {
        assertThat(scoreWithDetections(STANDARD)).isEqualTo(-1.0);
        assertThat(scoreWithDetections(NabProfile.REWARD_LOW_FN)).isEqualTo(-2.0);
    }

    @Test
    void aFalsePositiveBeforeAnyWindowCostsAFpAndProbationIsIgnored() {
        assertThat(scoreWithDetections(STANDARD, 35)).isCloseTo(-1.11, within(1e-12));
        assertThat(scoreWithDetections(NabProfile.REWARD_LOW_FP, 35)).isCloseTo(-1.22, within(1e-12));
        assertThat(scoreWithDetections(STANDARD, 5, 29)).isEqualTo(-1.0);
    }

    @Test
    void aFalsePositiveJustAfterAWindowCostsLittleAndFarAfterCostsAFp() {
        double justAfter = NabScorer.scaledSigmoid(1.0 / 19.0) * 0.11;

        assertThat(scoreWithDetections(STANDARD, 40, 60)).isCloseTo(1.0 + justAfter, within(1e-12));
        assertThat(justAfter).isBetween(-0.02, -0.01);
        assertThat(scoreWithDetections(STANDARD, 40, 150)).isCloseTo(1.0 - 0.11, within(1e-12));
    }

    @Test
    void normalisesBetweenTheNullDetectorAndAPerfectOne() {
        NabSeries series = series();
        double[] perfect = new double[series.size()];
        perfect[40] = 1.0;
        double[] none = new double[series.size()];
        double[] mixed = new double[series.size()];
        mixed[40] = 0.9;
        mixed[35] = 0.95;

        NabScorer.Result best = NabScorer.optimize(List.of(new NabScorer.ScoredSeries(series, perfect)), STANDARD);
        NabScorer.Result nothing = NabScorer.optimize(List.of(new NabScorer.ScoredSeries(series, none)), STANDARD);
        NabScorer.Result tuned = NabScorer.optimize(List.of(new NabScorer.ScoredSeries(series, mixed)), STANDARD);

        assertThat(best.normalized()).isCloseTo(100.0, within(1e-9));
        assertThat(best.nullScore()).isEqualTo(-1.0);
        assertThat(best.perfectScore()).isEqualTo(1.0);
        assertThat(nothing.normalized()).isCloseTo(0.0, within(1e-9));
        assertThat(tuned.threshold()).isEqualTo(0.9);
        assertThat(tuned.score()).isCloseTo(0.89, within(1e-12));
        assertThat(tuned.normalized()).isCloseTo(100.0 * 1.89 / 2.0, within(1e-9));
    }

    @Test
    void probationIsFifteenPercentCappedAt750Rows() {
        assertThat(NabScorer.probationLength(1000)).isEqualTo(150);
        assertThat(NabScorer.probationLength(22_695)).isEqualTo(750);
    }
}
