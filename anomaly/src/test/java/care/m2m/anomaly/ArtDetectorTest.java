package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

class ArtDetectorTest {

    static {
        System.setProperty("jol.magicFieldOffset", "true");
    }

    private static final long MINUTE = 60_000L;
    private static final int DAY = 288;

    private final DetectorFactory factory = new DetectorFactory(DetectorConfig.defaults(), ArtConfig.defaults(),
            DetectorFactory.Method.ART);

    /** A daily cycle with a little noise, 5-minute samples. */
    private static double daily(int i, Random random) {
        return 50.0 + 20.0 * Math.sin(2 * Math.PI * i / DAY) + random.nextGaussian();
    }

    /** Feeds the first twenty days of the daily cycle (points 0 to 20 days). */
    private static void learnTwentyDays(AnomalyDetector detector, Random random) {
        for (int i = 0; i < 20 * DAY; i++) {
            detector.score(i * MINUTE, daily(i, random));
        }
    }

    @Test
    void aRepeatedDailyPatternScoresLowOnceLearned() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(5);
        learnTwentyDays(detector, random);
        int alerts = 0;
        for (int i = 20 * DAY; i < 30 * DAY; i++) {
            alerts += detector.score(i * MINUTE, daily(i, random)) > 0.0 ? 1 : 0;
        }

        assertThat(alerts).isLessThanOrEqualTo(2);
    }

    @Test
    void aLevelShiftScoresHigh() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(6);
        learnTwentyDays(detector, random);
        double max = 0.0;
        for (int i = 20 * DAY; i < 20 * DAY + 60; i++) {
            max = Math.max(max, detector.score(i * MINUTE, daily(i, random) + 60.0));
        }

        assertThat(max).isGreaterThan(0.5);
    }

    @Test
    void aNewShapeInsideTheUsualRangeScoresHigh() {
        // The daily cycle stops and the value sits flat at its mean: no value leaves the usual range, but
        // such a window was never seen.
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(8);
        learnTwentyDays(detector, random);
        double max = 0.0;
        for (int i = 20 * DAY; i < 21 * DAY; i++) {
            max = Math.max(max, detector.score(i * MINUTE, 50.0 + random.nextGaussian()));
        }

        assertThat(max).isGreaterThan(0.3);
    }

    @Test
    void staysQuietDuringWarmUpAndIgnoresNonFiniteValues() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(9);
        for (int i = 0; i < ArtConfig.defaults().warmUpPoints(); i++) {
            assertThat(detector.score(i * MINUTE, random.nextGaussian() * (i % 50 == 0 ? 100 : 1))).isZero();
        }

        assertThat(detector.score(0L, Double.NaN)).isZero();
        assertThat(detector.score(0L, Double.NEGATIVE_INFINITY)).isZero();
    }

    @Test
    void aDeclaredRangeReplacesTheLearntOneAndMustBeARange() {
        AnomalyDetector detector = factory.newDetector(0.0, 100.0);
        Random random = new Random(10);
        double max = 0.0;
        learnTwentyDays(detector, random);
        for (int i = 20 * DAY; i < 20 * DAY + 60; i++) {
            max = Math.max(max, detector.score(i * MINUTE, 95.0 + random.nextGaussian()));
        }

        assertThat(max).isGreaterThan(0.5);
        assertThatThrownBy(() -> factory.newDetector(2.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateStaysBoundedAndScoresInUnitRangeOverAMillionNovelPoints() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(11);
        for (int i = 0; i < 2 * ArtConfig.defaults().warmUpPoints(); i++) {
            detector.score(i * MINUTE, daily(i, random));
        }
        long before = GraphLayout.parseInstance(detector).totalSize();
        double min = 1.0;
        double max = 0.0;
        for (int i = 0; i < 1_000_000; i++) {
            // A random walk keeps making windows never seen before, so categories keep being replaced.
            double score = detector.score(i * MINUTE, 50.0 + 30.0 * Math.sin(i / 997.0) + 5 * random.nextGaussian());
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        long after = GraphLayout.parseInstance(detector).totalSize();

        assertThat(min).isGreaterThanOrEqualTo(0.0);
        assertThat(max).isLessThanOrEqualTo(1.0).isGreaterThan(0.0);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void keepsAFewKilobytesPerStream() {
        long art = GraphLayout.parseInstance(factory.newDetector()).totalSize()
                - GraphLayout.parseInstance(ArtConfig.defaults()).totalSize();
        DetectorFactory fused = new DetectorFactory(DetectorConfig.defaults());
        long all = GraphLayout.parseInstance(fused.newDetector()).totalSize()
                - GraphLayout.parseInstance(ArtConfig.defaults()).totalSize()
                - GraphLayout.parseInstance(Rates.of(DetectorConfig.defaults())).totalSize();
        AnomalyDetector warmed = factory.newDetector();
        Random random = new Random(12);
        for (int i = 0; i < 3 * ArtConfig.defaults().warmUpPoints(); i++) {
            warmed.score(i * MINUTE, daily(i, random));
        }
        long artWarm = GraphLayout.parseInstance(warmed).totalSize()
                - GraphLayout.parseInstance(ArtConfig.defaults()).totalSize();
        AnomalyDetector fusedWarmed = fused.newDetector();
        for (int i = 0; i < 3 * ArtConfig.defaults().warmUpPoints(); i++) {
            fusedWarmed.score(i * MINUTE, daily(i, random));
        }
        long allWarm = GraphLayout.parseInstance(fusedWarmed).totalSize()
                - GraphLayout.parseInstance(ArtConfig.defaults()).totalSize()
                - GraphLayout.parseInstance(Rates.of(DetectorConfig.defaults())).totalSize();
        System.out.printf("ART state: %d bytes per stream in warm-up, %d after; default (fused): %d in warm-up,"
                + " %d after (JOL, settings shared by all streams not counted)%n", art, artWarm, all, allWarm);

        assertThat(art).isLessThan(5 * 1024);
        assertThat(artWarm).isLessThan(4 * 1024);
        assertThat(all).isLessThan(5 * 1024);
        assertThat(allWarm).isLessThan(5 * 1024);
    }
}
