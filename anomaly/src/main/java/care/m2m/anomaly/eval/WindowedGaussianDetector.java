package care.m2m.anomaly.eval;

import care.m2m.anomaly.AnomalyDetector;
import care.m2m.anomaly.GaussianTail;

/**
 * NAB's "Windowed Gaussian" baseline, kept to check our NAB scorer against a published figure.
 *
 * <p>As in NAB: the score is the two-sided Gaussian probability mass closer to the mean than the value,
 * {@code 1 - Q(|x - mean| / std)}, over a window of the last 6,400 values, which slides by 100 values
 * at a time once full. Not for production: its state is 51 KB per stream.
 */
public final class WindowedGaussianDetector implements AnomalyDetector {

    private static final int WINDOW = 6400;
    private static final int STEP = 100;

    private final double[] window = new double[WINDOW];
    private final double[] step = new double[STEP];
    private int filled;
    private int oldest;
    private int buffered;
    private double mean;
    private double std = 1.0;

    @Override
    public double score(long timestampMillis, double value) {
        double score = 0.0;
        if (filled > 0) {
            score = 1.0 - GaussianTail.upperTail(Math.abs(value - mean) / std);
        }
        if (filled < WINDOW) {
            window[filled++] = value;
            update();
        } else {
            step[buffered++] = value;
            if (buffered == STEP) {
                for (double entering : step) {
                    window[oldest] = entering;
                    oldest = (oldest + 1) % WINDOW;
                }
                buffered = 0;
                update();
            }
        }
        return score;
    }

    private void update() {
        double sum = 0.0;
        for (int i = 0; i < filled; i++) {
            sum += window[i];
        }
        mean = sum / filled;
        double squares = 0.0;
        for (int i = 0; i < filled; i++) {
            double d = window[i] - mean;
            squares += d * d;
        }
        std = Math.sqrt(squares / filled);
        if (std == 0.0) {
            std = 0.000001;
        }
    }
}
