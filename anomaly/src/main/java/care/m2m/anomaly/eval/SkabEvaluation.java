package care.m2m.anomaly.eval;

import care.m2m.anomaly.AnomalyDetector;
import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the default detector over SKAB's valve experiments and reports precision, recall and F1 on SKAB's
 * {@code anomaly} labels.
 *
 * <p>SKAB is multivariate (eight pump sensors); the gateway sees each sensor as its own stream, so each
 * channel gets its own detector and a row's score is the loudest channel's. The threshold is the
 * configuration's alert threshold, fixed beforehand (it comes from NAB, not from SKAB). Three readings:
 * point-wise as SKAB scores it; point-wise with each alert holding the alarm for {@code --hold} rows
 * (an alert opens a fault that stays open for a while); and per event (a labelled anomaly is found when
 * an alert falls inside it; an alert outside every anomaly is a false alarm).
 *
 * <p>Usage: {@code SkabEvaluation [--data DIR] [--hold ROWS]}, default {@code ../shared/data/skab}, 60.
 */
public final class SkabEvaluation {

    private static final List<String> FOLDERS = List.of("valve1", "valve2");

    /** One experiment: its rows' combined scores and labels. */
    public record Experiment(String name, double[] scores, int[] labels) {
    }

    private SkabEvaluation() {
    }

    /** Scores every experiment under the SKAB folder with fresh per-channel detectors. */
    public static List<Experiment> run(Path skabDir, DetectorConfig config) {
        DetectorFactory factory = new DetectorFactory(config);
        List<Experiment> experiments = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(skabDir.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                    experiments.add(score(folder + "/" + file.getFileName(), Files.readAllLines(file), factory));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read SKAB folder " + skabDir.resolve(folder), e);
            }
        }
        return experiments;
    }

    static Experiment score(String name, List<String> lines, DetectorFactory factory) {
        String[] header = lines.get(0).split(";");
        int channels = header.length - 3;
        AnomalyDetector[] detectors = new AnomalyDetector[channels];
        for (int c = 0; c < channels; c++) {
            detectors[c] = factory.newDetector();
        }
        int rows = lines.size() - 1;
        double[] scores = new double[rows];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(";");
            long millis = NabCorpus.toMillis(cells[0]);
            double score = 0.0;
            for (int c = 0; c < channels; c++) {
                score = Math.max(score, detectors[c].score(millis, Double.parseDouble(cells[c + 1])));
            }
            scores[r] = score;
            labels[r] = Double.parseDouble(cells[header.length - 2]) > 0.5 ? 1 : 0;
        }
        return new Experiment(name, scores, labels);
    }

    public static void main(String[] args) {
        Path data = null;
        int hold = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--hold" -> hold = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(
                        "unknown argument " + args[i] + "; expected --data DIR or --hold ROWS");
            }
        }
        if (data == null) {
            data = SharedData.locate("skab").orElseThrow(() -> new IllegalStateException(
                    "SKAB data not found in ../shared/data/skab; pass --data DIR"));
        }
        DetectorConfig config = DetectorConfig.defaults();
        List<Experiment> experiments = run(data, config);
        double threshold = config.alertThreshold();
        System.out.printf(Locale.ROOT, "SKAB: %d experiments from %s, threshold %.2f (fixed, from NAB)%n",
                experiments.size(), data, threshold);
        print("point-wise", SkabMetrics.pointWise(experiments, threshold, 1));
        print("point-wise, alarm held " + hold + " rows", SkabMetrics.pointWise(experiments, threshold, hold));
        print("per event", SkabMetrics.perEvent(experiments, threshold));
    }

    private static void print(String reading, SkabMetrics.Counts counts) {
        System.out.printf(Locale.ROOT, "%-34s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n",
                reading, counts.precision(), counts.recall(), counts.f1(), counts.tp(), counts.fp(), counts.fn());
    }
}
