package care.m2m.anomaly.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB's scorer, implemented from NAB's published method (its {@code sweeper.py} and {@code runner.py}).
 *
 * <ul>
 *   <li>The first min(floor(15% of rows), 750) rows of a file are probation: never scored.</li>
 *   <li>A detection at row i inside a window [l, r] of width w = r - l + 1 is worth
 *       A_TP * sig(-(r - i + 1) / w) / sig(-1), where sig(x) = 2 / (1 + e^(5x)) - 1: exactly A_TP at
 *       the left edge, falling towards 0 at the right edge. Only a window's best (earliest) detection
 *       counts; a window without one costs A_FN.</li>
 *   <li>A detection outside every window costs A_FP before the first window, and
 *       A_FP * sig(|i - r_prev| / (w_prev - 1)) after one, which is close to 0 right after the window
 *       and -A_FP from three window widths on (sig(x) = -1 for x >= 3).</li>
 *   <li>Every point at or above the threshold is a detection; the threshold is the one that maximises
 *       the summed score of all files together, per profile.</li>
 *   <li>Normalised score = 100 (S - S_null) / (S_perfect - S_null), with S_perfect = A_TP times the
 *       number of windows and S_null the optimised score of NAB's null detector (constant 0.5).</li>
 * </ul>
 */
public final class NabScorer {

    private static final double MAX_TP = scaledSigmoid(-1.0);
    private static final double START_THRESHOLD = 1.1;

    /** One file's scores, in row order, paired with its series. */
    public record ScoredSeries(NabSeries series, double[] scores) {
    }

    /**
     * The corpus score of one detector under one profile at its best threshold.
     *
     * @param threshold the optimal threshold (a detection is a score >= threshold)
     * @param score the raw summed score S
     * @param nullScore S_null
     * @param perfectScore S_perfect
     * @param normalized 100 (S - S_null) / (S_perfect - S_null)
     */
    public record Result(double threshold, double score, double nullScore, double perfectScore,
            double normalized) {
    }

    private NabScorer() {
    }

    static double scaledSigmoid(double relativePosition) {
        if (relativePosition >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    static int probationLength(int rows) {
        return (int) Math.min(Math.floor(0.15 * rows), 750.0);
    }

    /**
     * What a detection at each row would be worth under {@code profile}, NaN for probation rows.
     * {@code windowOf[i]} receives the index of the window holding row i, or -1.
     */
    static double[] sweepWeights(NabSeries series, NabProfile profile, int[] windowOf) {
        int n = series.size();
        double[] weights = new double[n];
        Arrays.fill(windowOf, -1);
        int probation = probationLength(n);
        int next = 0;
        int prevRight = -1;
        int prevWidth = 0;
        int[][] windows = series.windows();
        for (int i = 0; i < n; i++) {
            if (next < windows.length && i >= windows[next][0]) {
                int right = windows[next][1];
                int width = right - windows[next][0] + 1;
                if (i <= right) {
                    windowOf[i] = next;
                    weights[i] = scaledSigmoid(-(right - i + 1) / (double) width) * profile.tpWeight() / MAX_TP;
                }
                if (i >= right) {
                    prevRight = right;
                    prevWidth = width;
                    next++;
                }
            }
            if (windowOf[i] < 0) {
                double position = prevRight < 0 || prevWidth <= 1 ? 3.0
                        : Math.abs(prevRight - i) / (double) (prevWidth - 1);
                weights[i] = scaledSigmoid(position) * profile.fpWeight();
            }
            if (i < probation) {
                weights[i] = Double.NaN;
            }
        }
        return weights;
    }

    /** The raw score S of one file at a fixed threshold. */
    public static double scoreFile(ScoredSeries file, NabProfile profile, double threshold) {
        NabSeries series = file.series();
        int[] windowOf = new int[series.size()];
        double[] weights = sweepWeights(series, profile, windowOf);
        double[] best = new double[series.windows().length];
        Arrays.fill(best, Double.NaN);
        double fp = 0.0;
        for (int i = 0; i < series.size(); i++) {
            if (Double.isNaN(weights[i])) {
                continue;
            }
            int w = windowOf[i];
            if (w >= 0 && Double.isNaN(best[w])) {
                best[w] = -profile.fnWeight();
            }
            if (file.scores()[i] >= threshold) {
                if (w < 0) {
                    fp += weights[i];
                } else {
                    best[w] = Math.max(best[w], weights[i]);
                }
            }
        }
        double total = fp;
        for (double b : best) {
            total += Double.isNaN(b) ? 0.0 : b;
        }
        return total;
    }

    /** Optimises the threshold over all files together and normalises the best score. */
    public static Result optimize(List<ScoredSeries> files, NabProfile profile) {
        double[] best = sweep(files, profile);
        List<ScoredSeries> nulls = new ArrayList<>();
        int windows = 0;
        for (ScoredSeries file : files) {
            double[] half = new double[file.series().size()];
            Arrays.fill(half, 0.5);
            nulls.add(new ScoredSeries(file.series(), half));
            windows += file.series().windows().length;
        }
        double nullScore = sweep(nulls, profile)[1];
        double perfect = windows * profile.tpWeight();
        double normalized = 100.0 * (best[1] - nullScore) / (perfect - nullScore);
        return new Result(best[0], best[1], nullScore, perfect, normalized);
    }

    /** Returns {threshold, score} of the best threshold, sweeping every distinct score from the top. */
    private static double[] sweep(List<ScoredSeries> files, NabProfile profile) {
        List<double[]> points = new ArrayList<>();
        int windowBase = 0;
        for (ScoredSeries file : files) {
            int[] windowOf = new int[file.series().size()];
            double[] weights = sweepWeights(file.series(), profile, windowOf);
            for (int i = 0; i < weights.length; i++) {
                if (!Double.isNaN(weights[i])) {
                    int global = windowOf[i] < 0 ? -1 : windowBase + windowOf[i];
                    points.add(new double[] {file.scores()[i], weights[i], global});
                }
            }
            windowBase += file.series().windows().length;
        }
        double[] parts = new double[windowBase];
        boolean[] counted = new boolean[windowBase];
        double total = 0.0;
        for (double[] point : points) {
            int w = (int) point[2];
            if (w >= 0 && !counted[w]) {
                counted[w] = true;
                parts[w] = -profile.fnWeight();
                total += parts[w];
            }
        }
        points.sort((a, b) -> Double.compare(b[0], a[0]));
        double bestThreshold = START_THRESHOLD;
        double bestScore = total;
        double current = START_THRESHOLD;
        for (double[] point : points) {
            if (point[0] != current) {
                if (total > bestScore) {
                    bestScore = total;
                    bestThreshold = current;
                }
                current = point[0];
            }
            int w = (int) point[2];
            if (w < 0) {
                total += point[1];
            } else if (point[1] > parts[w]) {
                total += point[1] - parts[w];
                parts[w] = point[1];
            }
        }
        if (total > bestScore) {
            bestScore = total;
            bestThreshold = current;
        }
        return new double[] {bestThreshold, bestScore};
    }
}
