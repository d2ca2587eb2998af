package care.m2m.anomaly;

/**
 * Settings of the window-novelty detector ({@link ArtDetector}), shared by every stream of a factory.
 *
 * <p>The method follows the idea of ARTime (M. Hampton): the stream is downsampled, each recent window of
 * downsampled values becomes a feature vector (its shape at several scales plus its level in the stream's
 * range), and a fuzzy ART network learns those windows online as categories; a window that resonates with
 * no category is novel, hence anomalous.
 *
 * @param downsample raw points folded into one downsampled point (the most extreme of them)
 * @param window downsampled points in one feature window (a power of two)
 * @param levels levels the normalised value is rounded to
 * @param medianSnap distance to the running median level, as a share of the range, below which a value
 *     is snapped onto the median (removes low noise)
 * @param trendWindow downsampled points of the warm-up and of the vigilance trend
 * @param maxCategories most categories a stream keeps; the least recently resonating one is replaced
 * @param initialRho vigilance used to calibrate the starting vigilance on the warm-up windows
 * @param rangeMargin when the range is learnt from the warm-up, share of the warm-up span added on each
 *     side; values beyond are clipped to the range's edge
 */
public record ArtConfig(
        int downsample,
        int window,
        int levels,
        double medianSnap,
        int trendWindow,
        int maxCategories,
        double initialRho,
        double rangeMargin) {

    public static final int DEFAULT_DOWNSAMPLE = 7;
    public static final int DEFAULT_WINDOW = 8;
    public static final int DEFAULT_LEVELS = 80;
    public static final double DEFAULT_MEDIAN_SNAP = 0.075;
    public static final int DEFAULT_TREND_WINDOW = 104;
    public static final int DEFAULT_MAX_CATEGORIES = 64;
    public static final double DEFAULT_INITIAL_RHO = 0.8;
    public static final double DEFAULT_RANGE_MARGIN = 1.0;

    /** Rejects settings the detector cannot run with. */
    public ArtConfig {
        check(downsample >= 1, "downsample >= 1", downsample);
        check(window >= 2 && Integer.bitCount(window) == 1, "window a power of two >= 2", window);
        check(levels >= 2, "levels >= 2", levels);
        check(medianSnap >= 0 && medianSnap < 1, "medianSnap in [0, 1)", medianSnap);
        check(trendWindow > 2 * window, "trendWindow > 2 window", trendWindow);
        check(maxCategories >= 2, "maxCategories >= 2", maxCategories);
        check(initialRho > 0 && initialRho < 1, "initialRho in (0, 1)", initialRho);
        check(rangeMargin >= 0, "rangeMargin >= 0", rangeMargin);
    }

    /** The configuration used for the README's figures. */
    public static ArtConfig defaults() {
        return new ArtConfig(DEFAULT_DOWNSAMPLE, DEFAULT_WINDOW, DEFAULT_LEVELS, DEFAULT_MEDIAN_SNAP,
                DEFAULT_TREND_WINDOW, DEFAULT_MAX_CATEGORIES, DEFAULT_INITIAL_RHO, DEFAULT_RANGE_MARGIN);
    }

    /** Raw points learned before the first score can leave 0. */
    public int warmUpPoints() {
        return downsample * trendWindow;
    }

    private static void check(boolean ok, String expected, double got) {
        if (!ok) {
            throw new IllegalArgumentException("ART setting: expected " + expected + ", got " + got);
        }
    }
}
