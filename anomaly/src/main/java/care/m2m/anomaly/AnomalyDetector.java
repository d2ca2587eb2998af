package care.m2m.anomaly;

/**
 * Scores one stream (one metric of one device) point by point.
 *
 * <p>This is the seam between the gateway and the detection method: the gateway keeps one instance per
 * stream and calls {@link #score} for each sample as it arrives, so an implementation must take constant
 * time and memory per point, never block, and keep its state small (the gateway holds hundreds of
 * thousands of them). Instances are not thread-safe; a stream's points arrive in order on one context.
 */
public interface AnomalyDetector {

    /**
     * Scores the next point of the stream and learns from it.
     *
     * @param timestampMillis when the sample was taken, epoch milliseconds
     * @param value the sample; NaN and infinite values are ignored and score 0
     * @return an anomaly score in [0, 1]; higher is more anomalous, 0 during warm-up
     */
    double score(long timestampMillis, double value);
}
