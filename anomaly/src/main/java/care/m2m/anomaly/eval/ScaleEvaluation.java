package care.m2m.anomaly.eval;

import care.m2m.anomaly.AnomalyDetector;
import care.m2m.anomaly.ArtConfig;
import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import care.m2m.anomaly.TimeScale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Issue 8's scale experiments: the ART part of {@code FUSED} with its downsampling step chosen per stream
 * from what the stream has seen (cadence, period, decorrelation lag of a prefix; or the least novel of
 * several steps), beside the fixed steps. Labels are read only by the scorer. None of these is the default
 * (README, "Issue 8: the ART's time scale chosen per stream"); this command reproduces its figures.
 *
 * <p>Usage: {@code ScaleEvaluation [--data DIR] [--only TEXT]... [--group NAME]... [--phases N]} with groups
 * {@code fixed}, {@code cadence}, {@code period}, {@code tau}, {@code select} (these five when none is
 * given), {@code phase} (steps 5 to 9 with every block shift), {@code paired} (the main candidates) and, for
 * the fifth round (README, "Measured figures"), {@code protocol} (ARTime as NAB runs it against the live
 * default, 64 to 256 categories), {@code warmup} (shorter warm-ups), {@code margin} (the learnt range's
 * margin), {@code age} (a fine step while the stream is young), {@code weight} (the ensemble weighted in
 * the max) and {@code multi} (several ARTs with offset blocks), and {@code refractory} (a decaying memory of
 * the fused output discounted from later outputs) and {@code likelihood} (HTM's anomaly likelihood on the
 * fused output); their names say which parts they run.
 * {@code --phases N} runs every variant N times, the ART's blocks
 * shifted by 0 to N - 1 points (the stream handed to it from its (shift + 1)-th point), and prints each
 * profile's mean [min, max].
 * Each line: standard / reward-low-FP / reward-low-FN, then the standard profile per category at the
 * standard threshold (100 (S + W) / 2W over the category's W windows), then the step each file got.
 */
public final class ScaleEvaluation {

    /** Chooses the ART's step from the first n points a stream has seen. */
    @FunctionalInterface
    public interface StepRule {
        int step(long[] timestamps, double[] values, int n);
    }

    private ScaleEvaluation() {
    }

    /** The ART for {@code step}, every other setting at its default. */
    static AnomalyDetector art(int step) {
        return live(step, ArtConfig.defaults().maxCategories());
    }

    /**
     * Buffers the first {@code prefix} points, lets {@code rule} choose the step, then replays the buffer
     * through a fresh ART with that step (one-off, O(prefix)) and scores 0 until then; afterwards it is
     * exactly that ART. Memory: the buffer (12 bytes a point) until the choice, then the ART's.
     */
    static final class PrefixScaledArt implements AnomalyDetector {
        private final StepRule rule;
        private long[] timestamps;
        private double[] values;
        private int n;
        private AnomalyDetector art;
        private int step;

        PrefixScaledArt(int prefix, StepRule rule) {
            this.rule = rule;
            this.timestamps = new long[prefix];
            this.values = new double[prefix];
        }

        @Override
        public double score(long timestampMillis, double value) {
            if (art != null) {
                return art.score(timestampMillis, value);
            }
            timestamps[n] = timestampMillis;
            values[n] = value;
            n++;
            if (n < values.length) {
                return 0.0;
            }
            step = rule.step(timestamps, values, n);
            art = art(step);
            for (int i = 0; i < n; i++) {
                art.score(timestamps[i], values[i]);
            }
            timestamps = null;
            values = null;
            return 0.0;
        }

        /** The chosen step, 0 before the choice. */
        int step() {
            return step;
        }
    }

    /**
     * Runs one ART per candidate step side by side; after {@code decideAt} points keeps the one that was
     * novel (score above 0) least often over the points after {@code from} (ties: the step closest to
     * {@code prior}) and drops the others. Until then it outputs the {@code prior} candidate's score.
     * Memory and cost per point: one ART per candidate until the choice.
     */
    static final class SelectingArt implements AnomalyDetector {
        private final int[] steps;
        private final int prior;
        private final int from;
        private final int decideAt;
        private final boolean emitPrior;
        private AnomalyDetector[] candidates;
        private final int[] novel;
        private int n;
        private AnomalyDetector art;
        private int step;

        SelectingArt(int[] steps, int prior, int from, int decideAt, boolean emitPrior) {
            this.steps = steps.clone();
            this.prior = prior;
            this.from = from;
            this.decideAt = decideAt;
            this.emitPrior = emitPrior;
            this.candidates = new AnomalyDetector[steps.length];
            this.novel = new int[steps.length];
            for (int k = 0; k < steps.length; k++) {
                candidates[k] = art(steps[k]);
            }
        }

        @Override
        public double score(long timestampMillis, double value) {
            if (art != null) {
                return art.score(timestampMillis, value);
            }
            n++;
            double out = 0.0;
            for (int k = 0; k < steps.length; k++) {
                double s = candidates[k].score(timestampMillis, value);
                if (n > from && s > 0.0) {
                    novel[k]++;
                }
                if (steps[k] == prior) {
                    out = s;
                }
            }
            if (n == decideAt) {
                int best = 0;
                for (int k = 1; k < steps.length; k++) {
                    if (novel[k] < novel[best] || novel[k] == novel[best]
                            && Math.abs(steps[k] - prior) < Math.abs(steps[best] - prior)) {
                        best = k;
                    }
                }
                art = candidates[best];
                step = steps[best];
                candidates = null;
            }
            return emitPrior ? out : 0.0;
        }

        int step() {
            return step;
        }
    }

    /** Hands the ART the stream from its (skip + 1)-th point on: the same step with its blocks shifted. */
    static final class Shifted implements AnomalyDetector {
        private final int skip;
        private final AnomalyDetector art;
        private int seen;

        Shifted(int skip, AnomalyDetector art) {
            this.skip = skip;
            this.art = art;
        }

        @Override
        public double score(long timestampMillis, double value) {
            return seen++ < skip ? 0.0 : art.score(timestampMillis, value);
        }
    }

    /** k ARTs with their blocks offset by step / k points each; the combined score of the k. */
    static final class MultiPhase implements AnomalyDetector {
        private final AnomalyDetector[] parts;
        private final String how;

        MultiPhase(int k, int step, String how, java.util.function.Supplier<AnomalyDetector> art) {
            parts = new AnomalyDetector[k];
            this.how = how;
            for (int j = 0; j < k; j++) {
                int skip = j * step / k;
                parts[j] = skip == 0 ? art.get() : new Shifted(skip, art.get());
            }
        }

        @Override
        public double score(long t, double x) {
            double max = 0;
            double sum = 0;
            for (AnomalyDetector part : parts) {
                double s = part.score(t, x);
                max = Math.max(max, s);
                sum += s;
            }
            return switch (how) {
                case "max" -> max;
                case "mean" -> sum / parts.length;
                default -> throw new IllegalArgumentException(how);
            };
        }
    }

    /** A fine-step ART while the stream is young (fewer than {@code until} points), the coarse one after. */
    static AnomalyDetector byAge(int fine, int coarse, int until) {
        AnomalyDetector young = live(fine, 64);
        AnomalyDetector old = live(coarse, 64);
        int[] age = new int[1];
        return (t, x) -> {
            double a = age[0] < until ? young.score(t, x) : 0.0;
            double b = old.score(t, x);
            return age[0]++ < until ? a : b;
        };
    }

    static AnomalyDetector weighted(double w, AnomalyDetector art) {
        AnomalyDetector e = new DetectorFactory(DetectorConfig.defaults(), ArtConfig.defaults(),
                DetectorFactory.Method.ENSEMBLE).newDetector();
        return (t, x) -> Math.max(w * e.score(t, x), art.score(t, x));
    }

    /** One variant: a fresh ART part per series, and how to read the step it chose. */
    record Variant(String name, Function<NabSeries, AnomalyDetector> art, boolean fused,
            java.util.function.Supplier<java.util.function.DoubleUnaryOperator> post) {
        Variant(String name, Function<NabSeries, AnomalyDetector> art) {
            this(name, art, true);
        }

        Variant(String name, Function<NabSeries, AnomalyDetector> art, boolean fused) {
            this(name, art, fused, () -> java.util.function.DoubleUnaryOperator.identity());
        }
    }

    /** After an output, later outputs count only by how much they exceed a decaying memory of it. */
    static java.util.function.DoubleUnaryOperator refractory(double discount, int halfLife) {
        double decay = Math.pow(0.5, 1.0 / halfLife);
        double[] memory = new double[1];
        return s -> {
            double out = Math.max(0, s - discount * memory[0]);
            memory[0] = Math.max(memory[0] * decay, s);
            return out;
        };
    }

    /**
     * HTM's anomaly likelihood on the fused score: how unusual the recent mean score (span {@code shortSpan})
     * is against the stream's long-run mean and spread of scores (span {@code longSpan}), as a log-scaled tail.
     */
    static java.util.function.DoubleUnaryOperator likelihood(int shortSpan, int longSpan, int warm) {
        double a = 2.0 / (shortSpan + 1);
        double b = 2.0 / (longSpan + 1);
        double[] st = new double[4]; // short mean, long mean, long variance, count
        return s -> {
            st[0] += a * (s - st[0]);
            double d = s - st[1];
            st[1] += b * d;
            st[2] = (1 - b) * (st[2] + b * d * d);
            if (++st[3] < warm) {
                return 0.0;
            }
            double sd = Math.sqrt(Math.max(st[2], 1e-6));
            double z = (st[0] - st[1]) / sd;
            double tail = care.m2m.anomaly.GaussianTail.upperTail(z);
            double like = 1 - tail;
            return Math.log(1.0000000001 - like) / Math.log(1.0 - 0.9999999999);
        };
    }

    /** NAB's protocol: the file's range and length (hence probation) handed to the ART before the first point. */
    static AnomalyDetector nabProtocol(NabSeries series, int categories) {
        return NabEvaluation.nabProtocol(ArtConfig.defaults(), series, categories, DetectorFactory.Method.ART);
    }

    /** What a live stream can do: a fixed step, the range learnt from the warm-up. */
    static AnomalyDetector live(int step, int categories) {
        return live(step, ArtConfig.defaults().trendWindow(), categories);
    }

    static AnomalyDetector live(int step, int trend, int categories) {
        ArtConfig d = ArtConfig.defaults();
        return new DetectorFactory(DetectorConfig.defaults(), NabEvaluation.artConfig(d, step, trend, categories),
                DetectorFactory.Method.ART).newDetector();
    }

    static int clamp(int x, int low, int high) {
        return Math.max(low, Math.min(high, x));
    }

    static List<Variant> variants(String group) {
        List<Variant> v = new ArrayList<>();
        int[] all = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        switch (group) {
            case "fixed" -> {
                for (int s = 2; s <= 12; s++) {
                    int step = s;
                    v.add(new Variant("fixed step " + s, series -> new PrefixScaledArt(1, (t, x, n) -> step)));
                }
                v.add(new Variant("NAB style: step from the file LENGTH (look-ahead)", series ->
                        new DetectorFactory(DetectorConfig.defaults(),
                                NabEvaluation.nabStyle(ArtConfig.defaults(), series.size()),
                                DetectorFactory.Method.ART).newDetector()));
            }
            case "phase" -> {
                for (int s : new int[] {5, 6, 7, 8, 9}) {
                    for (int skip = 1; skip < s; skip++) {
                        int step = s;
                        int k = skip;
                        v.add(new Variant("fixed step " + s + ", blocks shifted by " + k,
                                series -> new Shifted(k, art(step))));
                    }
                }
            }
            case "cadence" -> {
                for (int minutes : new int[] {20, 25, 30, 35, 40, 50, 60, 90, 120}) {
                    v.add(new Variant("cadence: " + minutes + " min per step", series -> new PrefixScaledArt(16,
                            (t, x, n) -> clamp((int) Math.round(minutes * 60_000.0
                                    / Math.max(1L, TimeScale.medianIntervalMillis(t, n))), 1, 12))));
                }
            }
            case "period" -> {
                for (boolean differences : new boolean[] {false, true}) {
                    for (int k : new int[] {20, 30, 36, 38, 40, 42, 44, 50, 60}) {
                        v.add(new Variant("period" + (differences ? " of diffs" : "") + " / " + k + ", P728",
                                series -> new PrefixScaledArt(728, (t, x, n) -> {
                                    int p = TimeScale.dominantPeriod(x, n, differences, 0.2);
                                    return p == 0 ? 7 : clamp(Math.round(p / (float) k), 2, 12);
                                })));
                    }
                }
            }
            case "tau" -> {
                for (double threshold : new double[] {0.5, 1 / Math.E, 0.0}) {
                    for (double k : new double[] {0.5, 0.75, 1, 1.5, 2, 4}) {
                        v.add(tau(728, threshold, k, 12));
                    }
                }
                for (int prefix : new int[] {300, 500, 1000}) {
                    v.add(tau(prefix, 1 / Math.E, 1, 12));
                }
                v.add(tau(728, 1 / Math.E, 1, 10));
                v.add(tau(728, 1 / Math.E, 1, 16));
                v.add(tau(728, 0.3, 1, 12));
                v.add(tau(728, 0.5, 2, 12, 3));
                v.add(tau(728, 0.5, 2, 12, 4));
                v.add(tau(728, 1 / Math.E, 0.5, 12, 3));
                v.add(tau(728, 1 / Math.E, 0.5, 12, 4));
                v.add(tau(728, 0.45, 1, 12));
            }
            case "neighbours" -> {
                for (int k : new int[] {36, 38, 42, 44}) {
                    v.add(new Variant("period / " + k + ", P728", series -> new PrefixScaledArt(728, (t, x, n) -> {
                        int p = TimeScale.dominantPeriod(x, n, false, 0.2);
                        return p == 0 ? 7 : clamp(Math.round(p / (float) k), 2, 12);
                    })));
                }
                for (double threshold : new double[] {0.5, 1 / Math.E}) {
                    for (double k : new double[] {0.75, 1.5}) {
                        v.add(tau(728, threshold, k, 12));
                    }
                }
            }
            case "protocol" -> {
                for (int c : new int[] {64, 128, 256}) {
                    v.add(new Variant("ART alone, NAB protocol (= ARTime), " + c + " cats",
                            series -> nabProtocol(series, c), false));
                    v.add(new Variant("FUSED, NAB protocol, " + c + " cats", series -> nabProtocol(series, c)));
                }
                for (int step : new int[] {7, 12}) {
                    for (int c : new int[] {64, 128, 256}) {
                        v.add(new Variant("FUSED live, step " + step + ", " + c + " cats", series -> live(step, c)));
                    }
                }
            }
            case "warmup" -> {
                for (int step : new int[] {4, 5, 6, 7, 8, 10}) {
                    for (int trend : new int[] {40, 52, 78, 104}) {
                        v.add(new Variant("FUSED live, step " + step + ", trend " + trend + ", 64 cats",
                                series -> live(step, trend, 64)));
                    }
                }
            }
            case "margin" -> {
                for (double m : new double[] {0.25, 0.5, 0.75, 1.0, 1.25}) {
                    v.add(new Variant("FUSED live, step 7, 64 cats, range margin " + m, series -> {
                        ArtConfig d = ArtConfig.defaults();
                        return new DetectorFactory(DetectorConfig.defaults(), new ArtConfig(d.downsample(), d.window(),
                                d.levels(), d.medianSnap(), d.trendWindow(), d.maxCategories(), d.initialRho(), m),
                                DetectorFactory.Method.ART).newDetector();
                    }));
                }
            }
            case "age" -> {
                for (int fine : new int[] {2, 3}) {
                    for (int until : new int[] {2000, 3000, 4500, 5000}) {
                        v.add(new Variant("FUSED live, step " + fine + " until point " + until + ", then 7",
                                series -> byAge(fine, 7, until)));
                    }
                }
            }
            case "refractory" -> {
                v.add(new Variant("FUSED live default", series -> live(7, 64)));
                for (double d : new double[] {0.5, 0.8, 1.0}) {
                    for (int h : new int[] {200, 1000, 3000}) {
                        v.add(new Variant("FUSED live, refractory " + d + " half-life " + h,
                                series -> live(7, 64), true, () -> refractory(d, h)));
                    }
                }
            }
            case "likelihood" -> {
                v.add(new Variant("FUSED live default", series -> live(7, 64)));
                for (int sh : new int[] {1, 5, 10}) {
                    for (int lg : new int[] {2000, 8000}) {
                        v.add(new Variant("FUSED live, likelihood short " + sh + " long " + lg,
                                series -> live(7, 64), true, () -> likelihood(sh, lg, 300)));
                    }
                }
            }
            case "weight" -> {
                for (double w : new double[] {0.5, 0.7, 0.8, 0.9, 1.0, 1.2}) {
                    v.add(new Variant("NAB protocol 256 cats, max(" + w + " ensemble, ART)",
                            series -> weighted(w, nabProtocol(series, 256)), false));
                    v.add(new Variant("live step 7 64 cats, max(" + w + " ensemble, ART)",
                            series -> weighted(w, live(7, 64)), false));
                }
            }
            case "multi" -> {
                for (String how : new String[] {"max", "mean"}) {
                    for (int k : new int[] {2, 3, 7}) {
                        v.add(new Variant("ART alone, NAB protocol, 256 cats, " + k + " phases " + how, series -> {
                            int step = NabEvaluation.nabStyle(ArtConfig.defaults(), series.size()).downsample();
                            return new MultiPhase(Math.min(k, step), step, how, () -> nabProtocol(series, 256));
                        }, false));
                        v.add(new Variant("FUSED live, step 7, 64 cats, " + k + " phases " + how,
                                series -> new MultiPhase(k, 7, how, () -> live(7, 64))));
                    }
                }
            }
            case "paired" -> {
                int step7 = 7;
                int step12 = 12;
                v.add(new Variant("fixed step 7", series -> new PrefixScaledArt(1, (t, x, n) -> step7)));
                v.add(new Variant("fixed step 12", series -> new PrefixScaledArt(1, (t, x, n) -> step12)));
                v.add(select("all 3..12, prior 7, M300", all, 7, 300, true));
                v.add(select("{3,5,7,9,12}, prior 7, M300", new int[] {3, 5, 7, 9, 12}, 7, 300, true));
                v.add(tau(728, 0.5, 2, 12, 3));
                v.add(tau(728, 0.5, 2, 12, 4));
                v.add(tau(728, 1 / Math.E, 0.5, 12, 3));
                v.add(tau(728, 1 / Math.E, 0.5, 12, 4));
            }
            case "select" -> {
                for (int m : new int[] {200, 300, 400, 600}) {
                    v.add(select("all 3..12, prior 7, M" + m, all, 7, m, true));
                }
                v.add(select("all 3..12, prior 7, M300, silent", all, 7, 300, false));
                for (int prior : new int[] {5, 6, 8, 9, 11}) {
                    v.add(select("all 3..12, prior " + prior + ", M300", all, prior, 300, true));
                }
                v.add(select("all 3..12, ties to the largest, M300, silent", all, 100, 300, false));
                v.add(select("all 3..12, ties to the smallest, M300, silent", all, 0, 300, false));
                v.add(select("{5,7,9}, prior 7, M300", new int[] {5, 7, 9}, 7, 300, true));
                v.add(select("{4,7,11}, prior 7, M300", new int[] {4, 7, 11}, 7, 300, true));
                v.add(select("{3,5,7,9,12}, prior 7, M300", new int[] {3, 5, 7, 9, 12}, 7, 300, true));
                v.add(select("{3,5,7,9,12}, prior 6, M300", new int[] {3, 5, 7, 9, 12}, 6, 300, true));
                v.add(select("{3,5,7,9,12}, prior 8, M300", new int[] {3, 5, 7, 9, 12}, 8, 300, true));
            }
            default -> throw new IllegalArgumentException("unknown group " + group
                    + "; expected fixed, cadence, period, tau, select, phase, paired, protocol, warmup, margin,"
                    + " age, weight, multi, refractory or likelihood");
        }
        return v;
    }

    private static Variant tau(int prefix, double threshold, double k, int high) {
        return tau(prefix, threshold, k, high, 2);
    }

    private static Variant tau(int prefix, double threshold, double k, int high, int low) {
        String name = String.format(Locale.ROOT, "tau(acf<%.2f) / %.2f in [%d,%d], P%d", threshold, k, low, high,
                prefix);
        return new Variant(name, series -> new PrefixScaledArt(prefix, (t, x, n) -> {
            int tau = TimeScale.decorrelationLag(x, n, threshold);
            return tau == 0 ? 7 : clamp((int) Math.round(tau / k), low, high);
        }));
    }

    private static Variant select(String name, int[] steps, int prior, int measure, boolean emit) {
        int warm = 12 * ArtConfig.DEFAULT_TREND_WINDOW;
        return new Variant("select least novel: " + name, series -> new SelectingArt(steps, prior, warm,
                warm + measure, emit));
    }

    private static int stepOf(AnomalyDetector art) {
        if (art instanceof PrefixScaledArt p) {
            return p.step();
        }
        if (art instanceof SelectingArt s) {
            return s.step();
        }
        return -1;
    }

    /** One run's figures: the three profiles, the standard profile per category, the steps chosen. */
    record Outcome(double[] profiles, Map<String, Double> categories, String steps, long nanosPerPoint) {
    }

    /**
     * Scores one variant fused with the ensemble (the louder of the two, as {@code FUSED}); the ART part
     * sees each stream from its (shift + 1)-th point on, which shifts its blocks by {@code shift} points.
     */
    static Outcome run(List<NabSeries> corpus, Variant variant, int shift) {
        DetectorFactory ensemble = new DetectorFactory(DetectorConfig.defaults(), ArtConfig.defaults(),
                DetectorFactory.Method.ENSEMBLE);
        List<NabScorer.ScoredSeries> scored = new ArrayList<>();
        StringBuilder steps = new StringBuilder();
        long start = System.nanoTime();
        long points = 0;
        for (NabSeries series : corpus) {
            AnomalyDetector e = ensemble.newDetector();
            AnomalyDetector a = variant.art().apply(series);
            AnomalyDetector shifted = shift == 0 ? a : new Shifted(shift, a);
            java.util.function.DoubleUnaryOperator post = variant.post().get();
            double[] scores = new double[series.size()];
            for (int i = 0; i < scores.length; i++) {
                double fromEnsemble = e.score(series.millis()[i], series.values()[i]);
                double fromArt = shifted.score(series.millis()[i], series.values()[i]);
                scores[i] = post.applyAsDouble(variant.fused() ? Math.max(fromEnsemble, fromArt) : fromArt);
            }
            points += scores.length;
            int step = stepOf(a);
            steps.append(' ').append(step == 0 ? "-" : step < 0 ? "" : Integer.toString(step));
            scored.add(new NabScorer.ScoredSeries(series, scores));
        }
        long nanos = System.nanoTime() - start;
        Map<NabProfile, NabScorer.Result> results = NabEvaluation.score(scored);
        double[] out = new double[3];
        int p = 0;
        for (NabProfile profile : NabProfile.all()) {
            out[p++] = results.get(profile).normalized();
        }
        double threshold = results.get(NabProfile.STANDARD).threshold();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (NabScorer.ScoredSeries file : scored) {
            String category = file.series().category().startsWith("artificial") ? "artificial"
                    : file.series().category();
            double[] sum = sums.computeIfAbsent(category, c -> new double[2]);
            sum[0] += NabScorer.scoreFile(file, NabProfile.STANDARD, threshold);
            sum[1] += file.series().windows().length;
        }
        Map<String, Double> categories = new LinkedHashMap<>();
        sums.forEach((c, sum) -> categories.put(c, 100 * (sum[0] + sum[1]) / (2 * sum[1])));
        return new Outcome(out, categories, steps.toString(), nanos / Math.max(1, points));
    }

    /**
     * Prints one variant's line. With {@code phases} > 1 it is run with the ART's blocks shifted by 0 to
     * phases - 1 points and the line gives each profile's mean [min, max] and each category's mean: the
     * block phase alone moves the fixed step 7 between 62 and 69 (standard), so single runs mislead.
     */
    static double[] evaluate(List<NabSeries> corpus, Variant variant, int phases) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int shift = 0; shift < phases; shift++) {
            outcomes.add(run(corpus, variant, shift));
        }
        double[] mean = new double[3];
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-52s", variant.name()));
        for (int p = 0; p < 3; p++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Outcome o : outcomes) {
                mean[p] += o.profiles()[p] / phases;
                min = Math.min(min, o.profiles()[p]);
                max = Math.max(max, o.profiles()[p]);
            }
            line.append(phases == 1 ? String.format(Locale.ROOT, " %5.1f", mean[p])
                    : String.format(Locale.ROOT, " %5.1f [%4.1f,%4.1f]", mean[p], min, max));
        }
        line.append(" |");
        for (String c : outcomes.get(0).categories().keySet()) {
            double m = outcomes.stream().mapToDouble(o -> o.categories().get(c)).average().orElse(Double.NaN);
            line.append(String.format(Locale.ROOT, " %s %.1f", c, m));
        }
        if (phases > 1) {
            line.append(" | standard by shift");
            outcomes.forEach(o -> line.append(String.format(Locale.ROOT, " %.1f", o.profiles()[0])));
        }
        long nanos = (long) outcomes.stream().mapToLong(Outcome::nanosPerPoint).average().orElse(0);
        line.append(String.format(Locale.ROOT, " | %d ns/pt | steps%s", nanos, outcomes.get(0).steps()));
        System.out.println(line);
        System.out.flush();
        return mean;
    }

    public static void main(String[] args) {
        Path data = null;
        List<String> only = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int phases = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--only" -> only.add(args[++i]);
                case "--group" -> groups.add(args[++i]);
                case "--phases" -> phases = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --data DIR, --only TEXT, --group NAME or --phases N");
            }
        }
        if (data == null) {
            data = SharedData.locate("nab").orElseThrow(() -> new IllegalStateException(
                    "NAB data not found in ../shared/data/nab; pass --data DIR"));
        }
        if (groups.isEmpty()) {
            groups = List.of("fixed", "cadence", "period", "tau", "select");
        }
        List<NabSeries> corpus = NabCorpus.load(data, only);
        System.out.printf(Locale.ROOT, "NAB: %d files, %d windows; FUSED with the ART's step chosen as named;"
                + " standard / low FP / low FN | standard per category"
                + " | wall time per point (noisy on a shared machine) |"
                + " step per file (- : not chosen before the file ended) in this order:%n",
                corpus.size(), corpus.stream().mapToInt(s -> s.windows().length).sum());
        System.out.println(String.join(" ", corpus.stream().map(NabSeries::fileName).toList()));
        for (String group : groups) {
            System.out.println("-- " + group);
            for (Variant variant : variants(group)) {
                evaluate(corpus, variant, phases);
            }
        }
    }
}
