package care.m2m.anomaly;

/**
 * A point whose anomaly score reached the alert threshold.
 *
 * <p>A value object rather than a log line because the gateway turns it into a generic fault that climbs
 * the service ladder like any rule-based fault; the score and threshold travel with it so a technician
 * can see how far above normal the stream was.
 *
 * @param timestampMillis when the anomalous sample was taken, epoch milliseconds
 * @param value the anomalous sample
 * @param score its anomaly score in [0, 1]
 * @param threshold the threshold it reached
 */
public record Alert(long timestampMillis, double value, double score, double threshold) {

    /** Validates that the score really reached the threshold, so no caller can forge a quiet alert. */
    public Alert {
        if (!(score >= threshold)) {
            throw new IllegalArgumentException(
                    "an alert needs score >= threshold, got score " + score + " and threshold " + threshold);
        }
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
    }
}
