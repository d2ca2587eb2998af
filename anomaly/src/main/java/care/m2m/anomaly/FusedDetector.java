package care.m2m.anomaly;

/**
 * The louder of two detectors on the same stream: the ensemble's learnt-tail surprise catches spikes and
 * level shifts early (its warm-up is short), the ART window novelty catches new shapes the ensemble's views
 * do not see. Both learn from every point.
 */
final class FusedDetector implements AnomalyDetector {

    private final AnomalyDetector first;
    private final AnomalyDetector second;

    FusedDetector(AnomalyDetector first, AnomalyDetector second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public double score(long timestampMillis, double value) {
        double a = first.score(timestampMillis, value);
        double b = second.score(timestampMillis, value);
        return Math.max(a, b);
    }
}
