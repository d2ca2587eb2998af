package care.m2m.anomaly.eval;

import care.m2m.anomaly.AnomalyDetector;
import care.m2m.anomaly.ArtConfig;
import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs detectors over NAB point by point and prints their NAB scores beside the published ones.
 *
 * <p>Usage: {@code NabEvaluation [--data DIR] [--only TEXT]... [--write-results DIR] [--per-file] [--cad]
 * [--art]}.
 * Without {@code --data} the NAB folder is looked up in {@code ../shared/data/nab}. {@code --only}
 * keeps the files whose key contains the text (repeatable). {@code --write-results} writes NAB's own
 * results layout so that NAB's scorer can check the figures. {@code --cad} adds the CAD OSE reference
 * port twice: with the whole file's range known in advance (as NAB runs it) and with the running range.
 * {@code --art} adds the ART window detector alone and fused, with learnt and with look-ahead ranges.
 */
public final class NabEvaluation {

    /** The detector evaluated in the README, under the name its results files carry. */
    public static final String DETECTOR = "m2mcare";
    /** NAB's baseline, kept to check the scorer against its published score. */
    public static final String BASELINE = "windowedGaussian";

    private NabEvaluation() {
    }

    /** The previous default (the ensemble alone), kept for comparison. */
    public static final String ENSEMBLE = "ensemble";

    /** The detectors this command evaluates, by NAB results name, each creating a fresh stream detector. */
    public static Map<String, Supplier<AnomalyDetector>> detectors() {
        DetectorFactory factory = new DetectorFactory(DetectorConfig.defaults());
        DetectorFactory ensemble = new DetectorFactory(DetectorConfig.defaults(), ArtConfig.defaults(),
                DetectorFactory.Method.ENSEMBLE);
        Map<String, Supplier<AnomalyDetector>> detectors = new LinkedHashMap<>();
        detectors.put(DETECTOR, factory::newDetector);
        detectors.put(ENSEMBLE, ensemble::newDetector);
        detectors.put(BASELINE, WindowedGaussianDetector::new);
        return detectors;
    }

    /**
     * The CAD OSE reference port, for {@code --cad}: once as NAB runs it (the file's range handed over
     * before the first point, a look-ahead) and once with the range learnt as the stream goes. Both mute
     * for NAB's rest period of probation / 5 points.
     */
    public static Map<String, Function<NabSeries, AnomalyDetector>> cadReferences() {
        Map<String, Function<NabSeries, AnomalyDetector>> detectors = new LinkedHashMap<>();
        detectors.put("cadOseFileRange", series -> new CadOseDetector(restPeriod(series))
                .withKnownRange(Arrays.stream(series.values()).min().orElse(0.0),
                        Arrays.stream(series.values()).max().orElse(0.0)));
        detectors.put("cadOseRunningRange", series -> new CadOseDetector(restPeriod(series)));
        return detectors;
    }

    /**
     * The ART window-novelty detector alone and fused with the ensemble, for {@code --art}. "LearntRange":
     * the range learnt from the warm-up, what a live stream can do (m2mcare itself is the fused one).
     * "FileRange": the file's minimum and maximum handed over before the first point, as NAB hands them to
     * every detector: a look-ahead (in the gateway, a metric's declared range would take its place).
     * "NabStyle": as ARTime runs in NAB, the downsampling step and warm-up also derived from the file's
     * length (about 104 downsampled points per probation period): a second look-ahead.
     */
    public static Map<String, Function<NabSeries, AnomalyDetector>> artVariants(ArtConfig art) {
        DetectorFactory artFactory = new DetectorFactory(DetectorConfig.defaults(), art, DetectorFactory.Method.ART);
        DetectorFactory fused = new DetectorFactory(DetectorConfig.defaults(), art, DetectorFactory.Method.FUSED);
        Map<String, Function<NabSeries, AnomalyDetector>> detectors = new LinkedHashMap<>();
        detectors.put("artLearntRange", series -> artFactory.newDetector());
        detectors.put("artFileRange", series -> artFactory.newDetector(min(series), max(series)));
        detectors.put("fusedFileRange", series -> fused.newDetector(min(series), max(series)));
        detectors.put("artNabStyleLearntRange", series -> new DetectorFactory(DetectorConfig.defaults(),
                nabStyle(art, series.size()), DetectorFactory.Method.ART).newDetector());
        detectors.put("artNabStyleFileRange", series -> new DetectorFactory(DetectorConfig.defaults(),
                nabStyle(art, series.size()), DetectorFactory.Method.ART).newDetector(min(series), max(series)));
        detectors.put("fusedNabStyleFileRange", series -> new DetectorFactory(DetectorConfig.defaults(),
                nabStyle(art, series.size()), DetectorFactory.Method.FUSED).newDetector(min(series), max(series)));
        detectors.put("artNabProtocol256", series -> nabProtocol(art, series, NAB_PROTOCOL_CATEGORIES,
                DetectorFactory.Method.ART));
        detectors.put("fusedNabProtocol256", series -> nabProtocol(art, series, NAB_PROTOCOL_CATEGORIES,
                DetectorFactory.Method.FUSED));
        return detectors;
    }

    /** Categories that ARTime (unbounded) never outgrows on these files: 256 score as 1,024 and 4,096 do. */
    static final int NAB_PROTOCOL_CATEGORIES = 256;

    /** ARTime's own setting in NAB: about 104 downsampled points per probation period. */
    static ArtConfig nabStyle(ArtConfig art, int rows) {
        return nabStyle(art, rows, art.maxCategories());
    }

    static ArtConfig nabStyle(ArtConfig art, int rows, int categories) {
        int probation = rows < 5000 ? (int) Math.floor(0.15 * rows) : 750;
        probation -= probation % 2;
        int step = Math.max(1, probation / (art.window() * 13));
        int trend = Math.max(2 * art.window() + 1, probation / step);
        return artConfig(art, step, trend, categories);
    }

    /** {@code from} with another step, warm-up (downsampled points) and number of categories. */
    static ArtConfig artConfig(ArtConfig from, int step, int trend, int categories) {
        return new ArtConfig(step, from.window(), from.levels(), from.medianSnap(), trend, categories,
                from.initialRho(), from.rangeMargin());
    }

    /**
     * ARTime as NAB runs it ("NAB protocol"): the file's range and its length (hence the step and the warm-up)
     * handed over before the first point, as NAB hands them to every detector, and enough categories.
     */
    static AnomalyDetector nabProtocol(ArtConfig art, NabSeries series, int categories, DetectorFactory.Method method) {
        return new DetectorFactory(DetectorConfig.defaults(), nabStyle(art, series.size(), categories), method)
                .newDetector(min(series), max(series));
    }

    static double min(NabSeries series) {
        return Arrays.stream(series.values()).min().orElse(0.0);
    }

    static double max(NabSeries series) {
        return Arrays.stream(series.values()).max().orElse(0.0);
    }

    private static int restPeriod(NabSeries series) {
        return (int) (NabScorer.probationLength(series.size()) / 5.0);
    }

    /** Feeds every series point by point through a fresh detector and keeps the scores. */
    public static List<NabScorer.ScoredSeries> run(List<NabSeries> corpus, Supplier<AnomalyDetector> detectors) {
        return run(corpus, (Function<NabSeries, AnomalyDetector>) series -> detectors.get());
    }

    /** Feeds every series point by point through a fresh detector made for that series. */
    public static List<NabScorer.ScoredSeries> run(List<NabSeries> corpus,
            Function<NabSeries, AnomalyDetector> detectors) {
        List<NabScorer.ScoredSeries> scored = new ArrayList<>();
        for (NabSeries series : corpus) {
            AnomalyDetector detector = detectors.apply(series);
            double[] scores = new double[series.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = detector.score(series.millis()[i], series.values()[i]);
            }
            scored.add(new NabScorer.ScoredSeries(series, scores));
        }
        return scored;
    }

    /** The optimised, normalised NAB result of each profile. */
    public static Map<NabProfile, NabScorer.Result> score(List<NabScorer.ScoredSeries> scored) {
        Map<NabProfile, NabScorer.Result> results = new LinkedHashMap<>();
        for (NabProfile profile : NabProfile.all()) {
            results.put(profile, NabScorer.optimize(scored, profile));
        }
        return results;
    }

    public static void main(String[] args) {
        Path data = null;
        Path resultsDir = null;
        boolean perFile = false;
        boolean cad = false;
        boolean art = false;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--only" -> only.add(args[++i]);
                case "--write-results" -> resultsDir = Path.of(args[++i]);
                case "--per-file" -> perFile = true;
                case "--cad" -> cad = true;
                case "--art" -> art = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --data DIR, --only TEXT, --write-results DIR, --per-file, --cad or --art");
            }
        }
        if (data == null) {
            data = SharedData.locate("nab").orElseThrow(() -> new IllegalStateException(
                    "NAB data not found in ../shared/data/nab; pass --data DIR"));
        }
        List<NabSeries> corpus = NabCorpus.load(data, only);
        System.out.printf(Locale.ROOT, "NAB: %d files, %d windows, from %s%n", corpus.size(),
                corpus.stream().mapToInt(s -> s.windows().length).sum(), data);
        Map<String, Map<NabProfile, NabScorer.Result>> all = new LinkedHashMap<>();
        Map<String, Function<NabSeries, AnomalyDetector>> evaluated = new LinkedHashMap<>();
        detectors().forEach((name, supplier) -> evaluated.put(name, series -> supplier.get()));
        if (cad) {
            evaluated.putAll(cadReferences());
        }
        if (art) {
            evaluated.putAll(artVariants(ArtConfig.defaults()));
        }
        for (Map.Entry<String, Function<NabSeries, AnomalyDetector>> detector : evaluated.entrySet()) {
            long start = System.nanoTime();
            List<NabScorer.ScoredSeries> scored = run(corpus, detector.getValue());
            long elapsed = System.nanoTime() - start;
            all.put(detector.getKey(), score(scored));
            System.out.printf(Locale.ROOT, "%s: scored %d points in %d ms%n", detector.getKey(),
                    scored.stream().mapToInt(s -> s.scores().length).sum(), elapsed / 1_000_000);
            if (perFile) {
                NabReport.printPerFile(detector.getKey(), scored, all.get(detector.getKey()));
            }
            if (resultsDir != null) {
                NabResultsWriter.write(resultsDir, detector.getKey(), scored);
            }
        }
        NabReport.printTable(all);
    }
}
