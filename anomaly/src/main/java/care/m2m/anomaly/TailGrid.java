package care.m2m.anomaly;

/**
 * A streaming estimate of how often a non-negative feature has exceeded a value, for several features
 * packed in one {@code float[]}.
 *
 * <p>Why not a Gaussian tail: real features are heavy-tailed, so a Gaussian calls every tenth point a
 * one-in-a-billion event and the scores of different streams stop being comparable. Instead each feature
 * keeps decayed counts of exceedances of a fixed geometric grid of levels (1, 1.68, 2.83, ... about
 * 2,400 in units of the feature's usual size). The tail probability of a value is interpolated between
 * grid levels in log-log space, floored by the effective sample size, and extrapolated as a power law past
 * the last level. Its negative log is a surprise that means the same on every stream: about log10(N) for
 * something never seen among the last N points.
 */
final class TailGrid {

    /** Number of grid levels per feature. */
    static final int LEVELS = 16;

    private static final double LOG2_STEP = 0.75;
    private static final double LN_STEP = LOG2_STEP * Math.log(2.0);
    private static final double PRIOR = 0.1;
    private static final double LN10 = Math.log(10.0);

    private TailGrid() {
    }

    /**
     * Surprise, in decades, of {@code value} for the feature whose counts start at {@code offset}.
     *
     * @param total the decayed number of points counted so far
     */
    static double surprise(float[] counts, int offset, double total, double value) {
        if (!(value > 1.0)) {
            return 0.0;
        }
        double position = Math.log(value) / LN_STEP;
        int k = (int) position;
        double denominator = total + PRIOR;
        if (k >= LEVELS - 1) {
            double lnLast = Math.log((counts[offset + LEVELS - 1] + PRIOR) / denominator);
            return -(lnLast - (position - (LEVELS - 1)) * LN_STEP) / LN10;
        }
        double lnLow = Math.log((counts[offset + k] + PRIOR) / denominator);
        double lnHigh = Math.log((counts[offset + k + 1] + PRIOR) / denominator);
        double fraction = position - k;
        return -(lnLow + fraction * (lnHigh - lnLow)) / LN10;
    }

    /** Decays the feature's counts by {@code keep} and counts {@code value}. */
    static void learn(float[] counts, int offset, double keep, double value) {
        int highest = value >= 1.0 ? (int) Math.min(LEVELS - 1, Math.log(value) / LN_STEP) : -1;
        for (int k = 0; k < LEVELS; k++) {
            float decayed = (float) (counts[offset + k] * keep);
            counts[offset + k] = k <= highest ? decayed + 1.0f : decayed;
        }
    }
}
