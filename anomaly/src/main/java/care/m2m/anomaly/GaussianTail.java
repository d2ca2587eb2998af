package care.m2m.anomaly;

/**
 * Upper tail of the standard normal distribution, in the log domain.
 *
 * <p>Scores are built from tail probabilities far smaller than a double can hold (a level shift of 40
 * standard deviations), so the tail is computed as a logarithm directly instead of as {@code 1 - cdf}.
 * Uses the Chebyshev fit of erfc from Numerical Recipes (relative error below 1.2e-7 everywhere).
 */
public final class GaussianTail {

    private static final double LN10 = Math.log(10.0);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private GaussianTail() {
    }

    /** Natural log of erfc(x) for x >= 0. */
    static double logErfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) + poly;
    }

    /** Natural log of Q(z) = P(Z > z) for a standard normal Z. */
    public static double logUpperTail(double z) {
        if (z >= 0.0) {
            return Math.log(0.5) + logErfc(z * SQRT_HALF);
        }
        return Math.log1p(-0.5 * Math.exp(logErfc(-z * SQRT_HALF)));
    }

    /** Q(z) = P(Z > z) for a standard normal Z. */
    public static double upperTail(double z) {
        return Math.exp(logUpperTail(z));
    }

    /** Surprise of a z-score in decades: -log10 Q(z), 0 for z <= 0. */
    public static double surprise(double z) {
        if (!(z > 0.0)) {
            return 0.0;
        }
        return -logUpperTail(z) / LN10;
    }
}
