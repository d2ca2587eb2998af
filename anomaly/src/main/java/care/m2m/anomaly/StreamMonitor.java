package care.m2m.anomaly;

import java.util.Optional;

/**
 * Couples one stream's detector with the alert threshold.
 *
 * <p>Kept apart from the detector so the method can be evaluated on raw scores (NAB tunes its own
 * threshold) while the gateway only sees alerts. Returns {@link Optional#empty()} for quiet points, which
 * allocates nothing.
 */
public final class StreamMonitor {

    private final AnomalyDetector detector;
    private final double threshold;

    /**
     * @param detector the stream's detector
     * @param threshold the score at or above which a point raises an alert, in (0, 1]
     */
    public StreamMonitor(AnomalyDetector detector, double threshold) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        this.detector = detector;
        this.threshold = threshold;
    }

    /** Creates a monitor with a fresh detector and the threshold from {@code config}. */
    public static StreamMonitor of(DetectorConfig config) {
        return new StreamMonitor(DetectorFactory.create(config), config.alertThreshold());
    }

    /** Scores the point and returns an alert when the score reaches the threshold. */
    public Optional<Alert> observe(long timestampMillis, double value) {
        double score = detector.score(timestampMillis, value);
        if (score >= threshold) {
            return Optional.of(new Alert(timestampMillis, value, score, threshold));
        }
        return Optional.empty();
    }
}
