package care.m2m.anomaly.eval;

import care.m2m.anomaly.AnomalyDetector;
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
 * <p>Usage: {@code NabEvaluation [--data DIR] [--only TEXT]... [--write-results DIR] [--per-file] [--cad]}.
 * Without {@code --data} the NAB folder is looked up in {@code ../shared/data/nab}. {@code --only}
 * keeps the files whose key contains the text (repeatable). {@code --write-results} writes NAB's own
 * results layout so that NAB's scorer can check the figures. {@code --cad} adds the CAD OSE reference
 * port twice: with the whole file's range known in advance (as NAB runs it) and with the running range.
 */
public final class NabEvaluation {

    /** The detector evaluated in the README, under the name its results files carry. */
    public static final String DETECTOR = "m2mcare";
    /** NAB's baseline, kept to check the scorer against its published score. */
    public static final String BASELINE = "windowedGaussian";

    private NabEvaluation() {
    }

    /** The detectors this command evaluates, by NAB results name, each creating a fresh stream detector. */
    public static Map<String, Supplier<AnomalyDetector>> detectors() {
        DetectorFactory factory = new DetectorFactory(DetectorConfig.defaults());
        Map<String, Supplier<AnomalyDetector>> detectors = new LinkedHashMap<>();
        detectors.put(DETECTOR, factory::newDetector);
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
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--only" -> only.add(args[++i]);
                case "--write-results" -> resultsDir = Path.of(args[++i]);
                case "--per-file" -> perFile = true;
                case "--cad" -> cad = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --data DIR, --only TEXT, --write-results DIR, --per-file or --cad");
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
