package care.m2m.advisor.effect;

/**
 * The difference of two proportions (treated minus control, e.g. the share of repaired faults that came back
 * minus the share of held-out faults that did) with Newcombe's hybrid score interval (Newcombe 1998, method 10):
 * built from the two Wilson score intervals, it keeps its coverage for small groups and rates near 0 or 1,
 * where the textbook Wald interval fails.
 */
public record ProportionDifference(long treatedEvents, long treated, long controlEvents, long control,
        double difference, double low, double high, double confidence) {

    /**
     * @param confidence for example 0.95
     * @throws IllegalArgumentException when a group is empty or has more events than members
     */
    public static ProportionDifference of(long treatedEvents, long treated, long controlEvents, long control,
            double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: expected a level in (0, 1) such as 0.95, got " + confidence);
        }
        check("treated", treatedEvents, treated);
        check("control", controlEvents, control);
        double z = normalQuantile(1 - (1 - confidence) / 2);
        double p1 = (double) treatedEvents / treated;
        double p2 = (double) controlEvents / control;
        double[] w1 = wilson(treatedEvents, treated, z);
        double[] w2 = wilson(controlEvents, control, z);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return new ProportionDifference(treatedEvents, treated, controlEvents, control, d, low, high, confidence);
    }

    public double treatedRate() {
        return (double) treatedEvents / treated;
    }

    public double controlRate() {
        return (double) controlEvents / control;
    }

    public boolean significant() {
        return low > 0 || high < 0;
    }

    /** The Wilson score interval of x events in n trials, {low, high}. */
    static double[] wilson(long x, long n, double z) {
        double p = (double) x / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    private static void check(String group, long events, long n) {
        if (n < 1 || events < 0 || events > n) {
            throw new IllegalArgumentException(group + ": expected 0 <= events <= members and at least one member, got "
                    + events + " of " + n);
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
