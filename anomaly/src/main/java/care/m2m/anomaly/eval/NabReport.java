package care.m2m.anomaly.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints NAB results beside the published scores of the known detectors on the same 31 files.
 */
final class NabReport {

    /** Published normalised scores on these 31 files: standard, reward low FP, reward low FN (NaN: unknown). */
    static final Map<String, double[]> PUBLISHED = new LinkedHashMap<>();

    static {
        PUBLISHED.put("ARTime", new double[] {73.5, 65.6, 78.6});
        PUBLISHED.put("Numenta HTM", new double[] {69.5, 62.9, 74.0});
        PUBLISHED.put("CAD OSE", new double[] {66.1, Double.NaN, Double.NaN});
        PUBLISHED.put("Relative Entropy", new double[] {54.1, Double.NaN, Double.NaN});
        PUBLISHED.put("KNN CAD", new double[] {52.5, Double.NaN, Double.NaN});
        PUBLISHED.put("Random Cut Forest", new double[] {50.6, Double.NaN, Double.NaN});
        PUBLISHED.put("Windowed Gaussian", new double[] {37.1, Double.NaN, Double.NaN});
    }

    private NabReport() {
    }

    static void printTable(Map<String, Map<NabProfile, NabScorer.Result>> ours) {
        System.out.printf(Locale.ROOT, "%n%-28s %10s %10s %10s%n", "detector", "standard", "low FP", "low FN");
        for (Map.Entry<String, Map<NabProfile, NabScorer.Result>> entry : ours.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", entry.getKey() + " (ours)"));
            for (NabProfile profile : NabProfile.all()) {
                line.append(String.format(Locale.ROOT, " %10.1f", entry.getValue().get(profile).normalized()));
            }
            System.out.println(line);
        }
        for (Map.Entry<String, double[]> entry : PUBLISHED.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", entry.getKey() + " (published)"));
            for (double value : entry.getValue()) {
                line.append(Double.isNaN(value) ? String.format(Locale.ROOT, " %10s", "-")
                        : String.format(Locale.ROOT, " %10.1f", value));
            }
            System.out.println(line);
        }
        for (Map.Entry<String, Map<NabProfile, NabScorer.Result>> entry : ours.entrySet()) {
            for (NabProfile profile : NabProfile.all()) {
                NabScorer.Result r = entry.getValue().get(profile);
                System.out.printf(Locale.ROOT, "%s %s: threshold %.6f, S %.2f, S_null %.2f, S_perfect %.2f%n",
                        entry.getKey(), profile.name(), r.threshold(), r.score(), r.nullScore(), r.perfectScore());
            }
        }
    }

    static void printPerFile(String detector, Iterable<NabScorer.ScoredSeries> scored,
            Map<NabProfile, NabScorer.Result> results) {
        double threshold = results.get(NabProfile.STANDARD).threshold();
        System.out.printf(Locale.ROOT, "%s, standard profile at threshold %.6f:%n", detector, threshold);
        for (NabScorer.ScoredSeries file : scored) {
            int[] windows = file.series().windows().length == 0 ? new int[0] : detectedWindows(file, threshold);
            int detections = 0;
            for (double s : file.scores()) {
                detections += s >= threshold ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  %-55s %7.3f  windows %d/%d  detections %d%n", file.series().key(),
                    NabScorer.scoreFile(file, NabProfile.STANDARD, threshold), windows.length,
                    file.series().windows().length, detections);
        }
    }

    private static int[] detectedWindows(NabScorer.ScoredSeries file, double threshold) {
        return java.util.Arrays.stream(file.series().windows())
                .filter(w -> java.util.stream.IntStream.rangeClosed(w[0], w[1])
                        .anyMatch(i -> file.scores()[i] >= threshold))
                .mapToInt(w -> w[0]).toArray();
    }
}
