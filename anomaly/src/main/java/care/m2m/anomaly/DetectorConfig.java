package care.m2m.anomaly;

/**
 * The one configuration every stream's detector shares.
 *
 * <p>There is deliberately no per-stream tuning: the gateway meets metrics nobody has looked at, so the
 * defaults must work on series the method has never seen. Spans are counted in points, not seconds,
 * because the detector learns each stream's own rhythm and devices sample at very different rates.
 *
 * @param warmUpPoints points learned before any score above 0 is given
 * @param shortSpan points in the recent view (short averages of the value and of its changes)
 * @param longSpan points in the value's long memory (the level and spread the recent view is held against)
 * @param likelihoodSpan points over which each view learns how often it reaches each level
 * @param clipSigmas standard deviations from normal that one point may teach the long memory, so that one
 *     anomaly does not blind the detector for the next
 * @param refractoryHalfLife points after which the memory of the loudest recent surprise has halved
 * @param repeatDiscount share of that memory subtracted from each new surprise, in [0, 1]: 1 means a new
 *     alert must be louder than what is left of the last one, 0 disables de-duplication
 * @param scoreScale surprise, in decades of improbability, that maps to a score of 0.5
 * @param alertThreshold score at or above which {@link StreamMonitor} raises an alert
 */
public record DetectorConfig(
        int warmUpPoints,
        double shortSpan,
        double longSpan,
        double likelihoodSpan,
        double clipSigmas,
        double refractoryHalfLife,
        double repeatDiscount,
        double scoreScale,
        double alertThreshold) {

    public static final int DEFAULT_WARM_UP_POINTS = 150;
    public static final double DEFAULT_SHORT_SPAN = 8;
    public static final double DEFAULT_LONG_SPAN = 10_000;
    public static final double DEFAULT_LIKELIHOOD_SPAN = 10_000;
    public static final double DEFAULT_CLIP_SIGMAS = 6;
    public static final double DEFAULT_REFRACTORY_HALF_LIFE = 2_000;
    public static final double DEFAULT_REPEAT_DISCOUNT = 0.8;
    public static final double DEFAULT_SCORE_SCALE = 5;
    /** The NAB-optimal threshold of the default configuration, standard profile, rounded down. */
    public static final double DEFAULT_ALERT_THRESHOLD = 0.22;

    /** Rejects settings that would make the detector divide by zero or never learn. */
    public DetectorConfig {
        require(warmUpPoints >= 2, "warmUpPoints >= 2", warmUpPoints);
        require(shortSpan >= 1, "shortSpan >= 1", shortSpan);
        require(longSpan > shortSpan, "longSpan > shortSpan (" + shortSpan + ")", longSpan);
        require(likelihoodSpan > 1, "likelihoodSpan > 1", likelihoodSpan);
        require(clipSigmas > 0, "clipSigmas > 0", clipSigmas);
        require(refractoryHalfLife > 0, "refractoryHalfLife > 0", refractoryHalfLife);
        require(repeatDiscount >= 0 && repeatDiscount <= 1, "repeatDiscount in [0, 1]", repeatDiscount);
        require(scoreScale > 0, "scoreScale > 0", scoreScale);
        require(alertThreshold > 0 && alertThreshold <= 1, "alertThreshold in (0, 1]", alertThreshold);
    }

    /** The configuration used for every evaluation figure in the README. */
    public static DetectorConfig defaults() {
        return new DetectorConfig(DEFAULT_WARM_UP_POINTS, DEFAULT_SHORT_SPAN, DEFAULT_LONG_SPAN,
                DEFAULT_LIKELIHOOD_SPAN, DEFAULT_CLIP_SIGMAS, DEFAULT_REFRACTORY_HALF_LIFE, DEFAULT_REPEAT_DISCOUNT,
                DEFAULT_SCORE_SCALE, DEFAULT_ALERT_THRESHOLD);
    }

    /** The same configuration with another alert threshold. */
    public DetectorConfig withAlertThreshold(double threshold) {
        return new DetectorConfig(warmUpPoints, shortSpan, longSpan, likelihoodSpan, clipSigmas,
                refractoryHalfLife, repeatDiscount, scoreScale, threshold);
    }

    private static void require(boolean ok, String expected, double got) {
        if (!ok) {
            throw new IllegalArgumentException("detector setting: expected " + expected + ", got " + got);
        }
    }
}
