package care.m2m.anomaly;

import java.util.Arrays;

/**
 * Window-novelty detector after ARTime (M. Hampton's NAB detector; this is an independent Java
 * implementation of the published idea, with bounded memory).
 *
 * <p>Per stream: the raw points are folded {@code downsample} at a time into their most extreme value
 * (a spike survives, small wiggles become the block mean); that value is normalised into the stream's
 * range, rounded to {@code levels} levels and snapped onto the running median level when close to it. The
 * last {@code window} such levels form a feature vector ({@link WindowFeatures}) that a bounded fuzzy ART
 * ({@link FuzzyArt}) learns online. A window that resonates with no category is novel; its score is how
 * far below both vigilances its best similarity fell, plus how badly its level matched. The first
 * {@code trendWindow} downsampled points are a warm-up that calibrates the vigilance and scores 0; the
 * vigilances then track the stream's similarities, and a novelty right after another one (or right after
 * new categories were made) only counts when clearly less similar than the last.
 *
 * <p>The range is either declared up front (a device model's metric range) or learnt from the warm-up,
 * widened by {@code rangeMargin} of its span on each side; later values are clipped to it.
 */
final class ArtDetector implements AnomalyDetector {

    private static final double RHO_CAP = 0.97;
    private static final double LOWER_STEP = 0.19;
    private static final double DIFF_FLOOR = 0.05;
    private static final double DIFF_CAP = 0.37;
    private static final double SPIKE_SHARE = 0.1;
    /** Fixed-point scale of the rings: values in [-1, 1] to within 1 / 32,767. */
    private static final double FIXED = Short.MAX_VALUE;

    private final ArtConfig config;
    private final FuzzyArt art;
    private final int[] features;
    private final double[] window;
    private final double[] scratch;
    private final int[] medianBins;
    /**
     * Rings of the recent similarities and shortfalls, in fixed point ({@link #FIXED} per unit); read only as a
     * whole (minimum, filtered mean).
     */
    private final short[] similarities;
    private final short[] shortfalls;
    private int similarityAt;
    private int shortfallAt;
    private final int mask;

    private boolean rangeGiven;
    private double low;
    private double high;

    private int inBlock;
    private double blockSum;
    private double blockMin;
    private double blockMax;
    private double movingAverage;
    private int index;

    private float[] warmUp;

    private int levelled;
    private int medianLevel;
    private int belowMedian;
    private int aboveMedian;

    private double rhoLow;
    private double rhoHigh;
    private double similaritySum;
    private int lastAnomaly;
    private double lastAnomalySimilarity;
    private int lastRhoUpdate;
    private boolean maskAfterCategory;
    private int sinceNovel;
    private double anomalySimilaritySum;
    private int anomalyCount;
    private double anomalyLastSimilarity;

    ArtDetector(ArtConfig config) {
        this.config = config;
        int w = config.window();
        this.art = new FuzzyArt(2 * w, 2 * w - 1, config.maxCategories());
        this.features = new int[2 * w];
        this.window = new double[w];
        this.scratch = new double[2 * w];
        this.medianBins = new int[config.levels() + 1];
        this.similarities = new short[config.trendWindow() / 2 + 1];
        this.shortfalls = new short[config.trendWindow() + 1];
        Arrays.fill(similarities, fixed(1.0));
        this.mask = w * 3 / 2;
        this.warmUp = new float[config.trendWindow()];
    }

    /** Uses the declared range [min, max] instead of learning it from the warm-up. */
    ArtDetector withRange(double min, double max) {
        if (!(max >= min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range: expected finite min <= max, got " + min + ", " + max);
        }
        rangeGiven = true;
        low = min;
        high = max;
        return this;
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        if (inBlock == 0) {
            blockSum = 0.0;
            blockMin = value;
            blockMax = value;
        }
        inBlock++;
        blockSum += value;
        blockMin = Math.min(blockMin, value);
        blockMax = Math.max(blockMax, value);
        if (inBlock < config.downsample()) {
            return 0.0;
        }
        inBlock = 0;
        double mean = blockSum / config.downsample();
        index++;
        if (index == 1) {
            movingAverage = mean;
        }
        movingAverage = (movingAverage + mean) / 2.0;
        double sample = Math.abs(blockMax - movingAverage) < Math.abs(blockMin - movingAverage) ? blockMin : blockMax;
        if (Math.abs(sample - mean) < SPIKE_SHARE * Math.abs(mean)) {
            sample = mean;
        }
        int trend = config.trendWindow();
        if (index < trend) {
            warmUp[index - 1] = (float) sample;
            return 0.0;
        }
        if (index == trend) {
            warmUp[index - 1] = (float) sample;
            finishWarmUp();
            return 0.0;
        }
        extract(sample, index);
        return detect(index, features);
    }

    private void finishWarmUp() {
        int trend = config.trendWindow();
        if (!rangeGiven) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : warmUp) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double span = max - min;
            if (span <= 0) {
                span = Math.max(Math.abs(max) * 0.1, 1e-9);
            }
            low = min - config.rangeMargin() * span;
            high = max + config.rangeMargin() * span;
        }
        int[][] warmFeatures = new int[trend][];
        for (int i = 1; i <= trend; i++) {
            extract(warmUp[i - 1], i);
            warmFeatures[i - 1] = features.clone();
        }
        double rho = initialRho(warmFeatures);
        rhoLow = rho;
        rhoHigh = rho;
        for (int i = 1; i <= trend; i++) {
            detect(i, warmFeatures[i - 1]);
        }
        warmUp = null;
    }

    /** Normalises, levels and windows one downsampled value; leaves the features in {@link #features}. */
    private void extract(double sample, int i) {
        double unit = high > low ? (sample - low) / (high - low) : 0.0;
        unit = Math.max(0.0, Math.min(1.0, unit));
        int levels = config.levels();
        int level = (int) Math.round(unit * levels);
        double levelledValue = level / (double) levels;
        double median = median(level, i) / (double) levels;
        if (Math.abs(levelledValue - median) < config.medianSnap()) {
            levelledValue = median;
        }
        int w = window.length;
        System.arraycopy(window, 1, window, 0, w - 1);
        window[w - 1] = levelledValue;
        if (i >= w) {
            WindowFeatures.extract(window, scratch, features);
        } else {
            Arrays.fill(features, 0);
        }
    }

    /** An approximate running median of the levels seen (ARTime's "levelize"), in O(levels) worst case. */
    private int median(int level, int i) {
        medianBins[level]++;
        levelled++;
        if (levelled == 1) {
            medianLevel = level;
        }
        if (medianLevel > level) {
            belowMedian++;
        } else if (medianLevel < level) {
            aboveMedian++;
        }
        int position = i / 2;
        if (position < aboveMedian) {
            belowMedian += medianBins[medianLevel];
            medianLevel++;
            while (medianLevel < medianBins.length - 1 && medianBins[medianLevel] == 0) {
                medianLevel++;
            }
            aboveMedian -= medianBins[medianLevel];
        } else if (position < belowMedian) {
            aboveMedian += medianBins[medianLevel];
            medianLevel--;
            while (medianLevel > 0 && medianBins[medianLevel] == 0) {
                medianLevel--;
            }
            belowMedian -= medianBins[medianLevel];
        }
        return medianLevel;
    }

    /** The starting vigilance: mean best similarity when a trial network learns the warm-up windows. */
    private double initialRho(int[][] warmFeatures) {
        int trend = config.trendWindow();
        int w = window.length;
        int n = trend - w + 1;
        int[][] samples = new int[n][];
        double[] typicality = new double[n];
        for (int a = 0; a < n; a++) {
            samples[a] = warmFeatures[w - 1 + a];
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double s = cosine(samples[a], samples[b]);
                typicality[a] += s;
                typicality[b] += s;
            }
            typicality[a] += 1.0;
        }
        Integer[] order = new Integer[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (x, y) -> Double.compare(typicality[x], typicality[y]));
        FuzzyArt trial = new FuzzyArt(2 * w, 2 * w - 1, Math.max(n, 2));
        double sum = 0.0;
        int counted = 0;
        int from = trend / 2;
        for (int k = 0; k < n; k++) {
            trial.train(samples[order[k]], true, config.initialRho(), config.initialRho());
            if (k + 1 >= from) {
                sum += trial.similarity();
                counted++;
            }
        }
        return counted == 0 ? config.initialRho() : sum / counted;
    }

    private static double cosine(int[] a, int[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * (double) b[i];
            aa += a[i] * (double) a[i];
            bb += b[i] * (double) b[i];
        }
        double na = Math.sqrt(aa) / 255.0;
        double nb = Math.sqrt(bb) / 255.0;
        if (na == 0.0) {
            return 1.0 - nb;
        }
        if (nb == 0.0) {
            return 1.0 - na;
        }
        return ab / (Math.sqrt(aa) * Math.sqrt(bb));
    }

    private double detect(int i, int[] input) {
        int trend = config.trendWindow();
        boolean rhoAfterAnomaly = i - lastAnomaly == mask;
        boolean rhoForTrend = i - lastRhoUpdate >= trend / 2;
        boolean maskAfterAnomaly = i - lastAnomaly <= mask;
        if (i > trend + mask && maskAfterCategory && sinceNovel >= mask) {
            maskAfterCategory = false;
        }
        int result = art.train(input, i >= window.length, rhoLow, rhoHigh);
        boolean novel = result == FuzzyArt.NOVEL;
        double sim = art.similarity();
        sinceNovel = novel ? 0 : sinceNovel + 1;
        similaritySum += sim;
        similarities[similarityAt] = fixed(sim);
        similarityAt = (similarityAt + 1) % similarities.length;
        shortfalls[shortfallAt] = fixed(rhoHigh - sim);
        shortfallAt = (shortfallAt + 1) % shortfalls.length;
        if (i - lastAnomaly < mask && anomalyCount > 0 && sim < anomalyLastSimilarity) {
            anomalySimilaritySum += sim - anomalyLastSimilarity;
            anomalyLastSimilarity = sim;
        }
        boolean masking = maskAfterCategory || maskAfterAnomaly;
        double scale = maskAfterAnomaly ? 0.90 : 0.70;
        boolean belowLast = sim < lastAnomalySimilarity * scale;
        double anomaly = 0.0;
        if (i > trend && novel && (!masking || belowLast)) {
            anomaly = confidence(sim, art.energySimilarity());
            anomalySimilaritySum += sim;
            anomalyCount++;
            anomalyLastSimilarity = sim;
            lastAnomalySimilarity = sim;
            lastAnomaly = i;
        }
        maskAfterCategory = novel || maskAfterCategory;
        if (i > trend && (rhoAfterAnomaly || rhoForTrend)) {
            updateRho(i);
        }
        return anomaly;
    }

    private void updateRho(int i) {
        int minFixed = Short.MAX_VALUE;
        for (short s : similarities) {
            minFixed = Math.min(minFixed, s);
        }
        double minSim = minFixed / FIXED;
        double high = Math.min(RHO_CAP, similaritySum / i);
        double low;
        if (rhoLow <= minSim) {
            low = rhoLow + (minSim - rhoLow) * LOWER_STEP;
        } else {
            double decrease = 0.0;
            if (i > config.trendWindow() * 2) {
                double sum = 0.0;
                int n = 0;
                for (short fixed : shortfalls) {
                    double d = fixed / FIXED;
                    if (d > DIFF_FLOOR) {
                        sum += Math.min(DIFF_CAP, d);
                        n++;
                    }
                }
                if (n > 0) {
                    decrease = sum / n;
                }
            }
            decrease = Math.max(0.01, decrease);
            low = rhoLow - decrease / 2.0;
            if (anomalyCount > 0) {
                low = Math.max(anomalySimilaritySum / anomalyCount, low);
            }
        }
        rhoLow = Math.min(high, low);
        rhoHigh = high;
        lastRhoUpdate = i;
        maskAfterCategory = true;
    }

    private static short fixed(double unit) {
        return (short) Math.round(Math.max(-1.0, Math.min(1.0, unit)) * FIXED);
    }

    private double confidence(double sim, double energySim) {
        double s = Math.min(0.999, sim);
        double upper = ((1 - s) - (1 - rhoHigh)) / (1 - s);
        double lower = ((1 - s) - (1 - rhoLow)) / (1 - s);
        double c = upper * 0.35 + lower * 0.65 + (1.0 - energySim) * 1.5;
        return Math.max(0.0, Math.min(1.0, c));
    }
}
