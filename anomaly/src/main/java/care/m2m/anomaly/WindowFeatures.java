package care.m2m.anomaly;

/**
 * Turns a window of normalised levels into the feature vector the fuzzy ART learns: the window's shape
 * (rescaled to [0, 1], then its orthonormal Haar wavelet coefficients at every scale, rescaled to [0, 1])
 * followed by the window's levels themselves. The last entry is the window's latest level, the "energy"
 * dimension. Values are written quantised to 0..255.
 */
final class WindowFeatures {

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);

    private WindowFeatures() {
    }

    /**
     * Writes {@code 2 * window.length} features into {@code out}, using {@code scratch} (at least
     * {@code 2 * window.length} long) as working space. {@code window} is oldest first, values in [0, 1].
     */
    static void extract(double[] window, double[] scratch, int[] out) {
        int n = window.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : window) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min;
        for (int i = 0; i < n; i++) {
            scratch[i] = span == 0 ? window[i] - min : (window[i] - min) / span;
        }
        haar(scratch, n);
        double fmin = Double.POSITIVE_INFINITY;
        double fmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            fmin = Math.min(fmin, scratch[i]);
            fmax = Math.max(fmax, scratch[i]);
        }
        double fspan = fmax - fmin;
        for (int i = 0; i < n; i++) {
            double f = fspan == 0 ? scratch[i] - fmin : (scratch[i] - fmin) / fspan;
            out[i] = quantise(f);
            out[n + i] = quantise(window[i]);
        }
    }

    static int quantise(double unit) {
        return (int) Math.round(Math.max(0.0, Math.min(1.0, unit)) * 255.0);
    }

    /**
     * Full orthonormal Haar transform in place over the first {@code n} entries of {@code x} (n a power of
     * two), laid out coarsest first: the overall average, then the details from the coarsest scale to the
     * finest. A detail is (later - earlier) / sqrt(2), the sign of the Haar filter of Julia's Wavelets.jl that
     * ARTime uses. Uses {@code x[n..2n)} as scratch.
     */
    static void haar(double[] x, int n) {
        for (int len = n; len > 1; len /= 2) {
            int half = len / 2;
            for (int i = 0; i < half; i++) {
                double a = x[2 * i];
                double b = x[2 * i + 1];
                x[n + i] = (a + b) * INV_SQRT2;
                x[n + half + i] = (b - a) * INV_SQRT2;
            }
            System.arraycopy(x, n, x, 0, len);
        }
    }
}
