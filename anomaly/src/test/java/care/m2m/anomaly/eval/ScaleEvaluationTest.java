package care.m2m.anomaly.eval;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.anomaly.AnomalyDetector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaleEvaluationTest {

    private static final long FIVE_MINUTES = 300_000L;

    /** A noisy daily cycle at 5-minute samples with a flat-lined day from point 3,000. */
    private static double value(int i, Random random) {
        double daily = 20.0 * Math.sin(2 * Math.PI * i / 288.0);
        return 50.0 + (i >= 3000 && i < 3288 ? 0.0 : daily) + random.nextGaussian();
    }

    @Test
    void aStepChosenFromThePrefixScoresExactlyAsAnArtThatKnewItFromTheStart() {
        AnomalyDetector chosen = new ScaleEvaluation.PrefixScaledArt(728, (t, v, n) -> 7);
        AnomalyDetector known = ScaleEvaluation.art(7);
        Random random = new Random(8);
        double total = 0.0;
        for (int i = 0; i < 4000; i++) {
            double v = value(i, random);
            double a = chosen.score(i * FIVE_MINUTES, v);
            double b = known.score(i * FIVE_MINUTES, v);
            if (i < 727) {
                assertThat(a).isZero();
            } else {
                assertThat(a).isEqualTo(b);
                total += b;
            }
        }
        assertThat(((ScaleEvaluation.PrefixScaledArt) chosen).step()).isEqualTo(7);
        assertThat(total).as("the flat-lined day is novel at step 7").isPositive();
    }

    @Test
    void theStepIsChosenFromWhatTheStreamHasSeenOnly() {
        int[] seen = new int[1];
        AnomalyDetector chosen = new ScaleEvaluation.PrefixScaledArt(300, (t, v, n) -> {
            seen[0] = n;
            return care.m2m.anomaly.TimeScale.medianIntervalMillis(t, n) == FIVE_MINUTES ? 3 : 9;
        });
        Random random = new Random(9);
        for (int i = 0; i < 1000; i++) {
            chosen.score(i * FIVE_MINUTES, value(i, random));
        }

        assertThat(seen[0]).isEqualTo(300);
        assertThat(((ScaleEvaluation.PrefixScaledArt) chosen).step()).isEqualTo(3);
    }

    @Test
    void theSelectedCandidateGoesOnAsIfItHadRunAlone() {
        ScaleEvaluation.SelectingArt selecting = new ScaleEvaluation.SelectingArt(new int[] {5, 7, 9}, 7, 1248, 1548,
                true);
        AnomalyDetector prior = ScaleEvaluation.art(7);
        AnomalyDetector[] alone = {ScaleEvaluation.art(5), ScaleEvaluation.art(7), ScaleEvaluation.art(9)};
        Random random = new Random(10);
        double[] values = new double[4000];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(i, random);
        }
        double[][] aloneScores = new double[3][values.length];
        for (int i = 0; i < values.length; i++) {
            double s = selecting.score(i * FIVE_MINUTES, values[i]);
            double p = prior.score(i * FIVE_MINUTES, values[i]);
            for (int k = 0; k < 3; k++) {
                aloneScores[k][i] = alone[k].score(i * FIVE_MINUTES, values[i]);
            }
            if (i < 1548) {
                assertThat(s).as("before the choice: the prior's score").isEqualTo(p);
            } else {
                int k = (selecting.step() - 5) / 2;
                assertThat(s).isEqualTo(aloneScores[k][i]);
            }
        }
        assertThat(selecting.step()).isIn(5, 7, 9);
    }

    @Test
    void aShiftedArtIsTheSameArtHandedTheStreamFromALaterPoint() {
        AnomalyDetector shifted = new ScaleEvaluation.Shifted(3, ScaleEvaluation.art(7));
        AnomalyDetector later = ScaleEvaluation.art(7);
        Random random = new Random(11);
        for (int i = 0; i < 4000; i++) {
            double v = value(i, random);
            double a = shifted.score(i * FIVE_MINUTES, v);
            if (i < 3) {
                assertThat(a).isZero();
            } else {
                assertThat(a).isEqualTo(later.score(i * FIVE_MINUTES, v));
            }
        }
    }
}
