package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

class EnsembleDetectorTest {

    static {
        // JOL cannot read record field offsets through Unsafe otherwise (the settings are a record).
        System.setProperty("jol.magicFieldOffset", "true");
    }

    private static final long MINUTE = 60_000L;

    private final DetectorFactory factory = new DetectorFactory(DetectorConfig.defaults(), ArtConfig.defaults(),
            DetectorFactory.Method.ENSEMBLE);

    @Test
    void scoresASpikeFarAboveStationaryNoise() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(42);
        double quietMax = 0.0;
        for (int i = 0; i < 3000; i++) {
            quietMax = Math.max(quietMax, detector.score(i * MINUTE, 20.0 + random.nextGaussian()));
        }

        double spike = detector.score(3000 * MINUTE, 35.0);

        assertThat(spike).isGreaterThan(0.5).isGreaterThan(2 * quietMax);
    }

    @Test
    void scoresALevelShiftAboveStationaryNoise() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(7);
        double quietMax = 0.0;
        for (int i = 0; i < 3000; i++) {
            quietMax = Math.max(quietMax, detector.score(i * MINUTE, 20.0 + random.nextGaussian()));
        }
        double shiftMax = 0.0;
        for (int i = 3000; i < 3050; i++) {
            shiftMax = Math.max(shiftMax, detector.score(i * MINUTE, 26.0 + random.nextGaussian()));
        }

        assertThat(shiftMax).isGreaterThan(quietMax).isGreaterThan(DetectorConfig.DEFAULT_ALERT_THRESHOLD);
    }

    @Test
    void firesOnceOnASustainedShiftInsteadOfOnEveryPoint() {
        AnomalyDetector detector = factory.newDetector();
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            detector.score(i * MINUTE, 20.0 + random.nextGaussian());
        }
        int alerts = 0;
        for (int i = 3000; i < 3500; i++) {
            alerts += detector.score(i * MINUTE, 40.0 + random.nextGaussian())
                    >= DetectorConfig.DEFAULT_ALERT_THRESHOLD ? 1 : 0;
        }

        assertThat(alerts).isBetween(1, 5);
    }

    @Test
    void staysQuietDuringWarmUpAndIgnoresNonFiniteValues() {
        AnomalyDetector detector = factory.newDetector();
        for (int i = 0; i < DetectorConfig.DEFAULT_WARM_UP_POINTS; i++) {
            assertThat(detector.score(i * MINUTE, i % 2 == 0 ? 0.0 : 1e6)).isZero();
        }

        assertThat(detector.score(0L, Double.NaN)).isZero();
        assertThat(detector.score(0L, Double.POSITIVE_INFINITY)).isZero();
    }

    @Test
    void scoresStayInUnitRangeAndStateStaysBoundedOverMillionsOfPoints() {
        AnomalyDetector detector = factory.newDetector();
        long before = GraphLayout.parseInstance(detector).totalSize();
        Random random = new Random(1);
        double min = 1.0;
        double max = 0.0;
        for (int i = 0; i < 3_000_000; i++) {
            double value = Math.sin(i / 50.0) * 10 + random.nextGaussian() + (i % 100_003 == 0 ? 1e4 : 0.0);
            double score = detector.score(i * MINUTE, value);
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        long after = GraphLayout.parseInstance(detector).totalSize();

        assertThat(min).isGreaterThanOrEqualTo(0.0);
        assertThat(max).isLessThanOrEqualTo(1.0).isGreaterThan(0.5);
        assertThat(after).isEqualTo(before).isLessThan(512);
    }

    @Test
    void keepsOnlyAFewHundredBytesPerStream() {
        long withSettings = GraphLayout.parseInstance(factory.newDetector()).totalSize();
        long settings = GraphLayout.parseInstance(Rates.of(DetectorConfig.defaults())).totalSize();
        long perStream = withSettings - settings;
        System.out.printf("detector state: %d bytes per stream (JOL), plus %d bytes of settings shared by all%n",
                perStream, settings);

        assertThat(perStream).isLessThan(400);
    }
}
