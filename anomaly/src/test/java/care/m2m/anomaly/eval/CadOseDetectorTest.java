package care.m2m.anomaly.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CadOseDetectorTest {

    private static final double[] CYCLE = {0, 2, 5, 7, 5, 2};

    @Test
    void learnsARepeatingPatternUntilItIsFullyPredicted() {
        CadOseDetector detector = new CadOseDetector(0).withKnownRange(0, 7);
        double late = 0.0;
        for (int i = 0; i < 600; i++) {
            double score = detector.score(i, CYCLE[i % CYCLE.length]);
            if (i >= 500) {
                late = Math.max(late, score);
            }
        }

        assertThat(late).isZero();
    }

    @Test
    void scoresAValueThatBreaksTheLearntPattern() {
        CadOseDetector detector = new CadOseDetector(0).withKnownRange(0, 7);
        for (int i = 0; i < 600; i++) {
            detector.score(i, CYCLE[i % CYCLE.length]);
        }

        double broken = detector.score(600, 7);

        assertThat(broken).isGreaterThan(0.0);
    }

    @Test
    void staysMutedForItsRestPeriodAtTheStart() {
        CadOseDetector detector = new CadOseDetector(30);
        double first = 0.0;
        for (int i = 0; i < 30; i++) {
            first = Math.max(first, detector.score(i, i % 2 == 0 ? 1.0 : 100.0 * i));
        }

        assertThat(first).isZero();
    }
}
