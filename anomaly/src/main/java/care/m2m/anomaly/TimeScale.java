package care.m2m.anomaly;

import java.util.Arrays;

/**
 * What a live stream can tell about its own time scale from a prefix it has already seen (no look-ahead):
 * its sampling cadence, its dominant period and its decorrelation lag. Used by the scale experiments of
 * issue 8 ({@code eval.ScaleEvaluation}); none of them is part of the default detector (README, "Issue 8: the
 * ART's time scale chosen per stream": the ART's step chosen from these did not beat the fixed step).
 *
 * <p>Each is a one-off computation on a bounded prefix of n points: the cadence is O(n log n), the
 * autocorrelations O(n²/2) multiply-adds (about 265,000 for n = 728), allocation-free except for the
 * cadence's sorted copy.
 */
public final class TimeScale {

    private TimeScale() {
    }

    /** The median interval between consecutive timestamps of the first n points, in milliseconds (0 if n < 2). */
    public static long medianIntervalMillis(long[] timestamps, int n) {
        if (n < 2) {
            return 0L;
        }
        long[] intervals = new long[n - 1];
        for (int i = 1; i < n; i++) {
            intervals[i - 1] = timestamps[i] - timestamps[i - 1];
        }
        Arrays.sort(intervals);
        return intervals[intervals.length / 2];
    }

    /**
     * The dominant period of the first n values, in points: after the autocorrelation first turns
     * negative, the lag (up to n / 2) where it is highest; 0 when the values are constant, when the
     * autocorrelation never turns negative, or when its highest value there is below {@code minAcf}.
     *
     * @param differences use the first differences of the values instead (removes a trend)
     */
    public static int dominantPeriod(double[] values, int n, boolean differences, double minAcf) {
        int m = differences ? n - 1 : n;
        if (m < 4) {
            return 0;
        }
        double mean = 0.0;
        for (int i = 0; i < m; i++) {
            mean += at(values, i, differences);
        }
        mean /= m;
        double variance = 0.0;
        for (int i = 0; i < m; i++) {
            double d = at(values, i, differences) - mean;
            variance += d * d;
        }
        if (!(variance > 0.0)) {
            return 0;
        }
        int maxLag = m / 2;
        boolean crossed = false;
        int best = 0;
        double bestAcf = Double.NEGATIVE_INFINITY;
        for (int lag = 1; lag <= maxLag; lag++) {
            double acf = autocovariance(values, m, lag, mean, differences) / variance;
            if (!crossed) {
                crossed = acf < 0.0;
                continue;
            }
            if (acf > bestAcf) {
                bestAcf = acf;
                best = lag;
            }
        }
        return best > 0 && bestAcf >= minAcf ? best : 0;
    }

    /**
     * The first lag at which the autocorrelation of the first n values falls below {@code threshold} (the
     * delay of a delay embedding, e.g. threshold 1/e); 0 when the values are constant, n / 2 + 1 when it
     * never falls below within n / 2 lags.
     */
    public static int decorrelationLag(double[] values, int n, double threshold) {
        if (n < 4) {
            return 0;
        }
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            mean += values[i];
        }
        mean /= n;
        double variance = 0.0;
        for (int i = 0; i < n; i++) {
            variance += (values[i] - mean) * (values[i] - mean);
        }
        if (!(variance > 0.0)) {
            return 0;
        }
        int maxLag = n / 2;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (autocovariance(values, n, lag, mean, false) / variance < threshold) {
                return lag;
            }
        }
        return maxLag + 1;
    }

    private static double at(double[] values, int i, boolean differences) {
        return differences ? values[i + 1] - values[i] : values[i];
    }

    private static double autocovariance(double[] values, int m, int lag, double mean, boolean differences) {
        double sum = 0.0;
        for (int i = 0; i + lag < m; i++) {
            sum += (at(values, i, differences) - mean) * (at(values, i + lag, differences) - mean);
        }
        return sum;
    }
}
