package care.m2m.anomaly.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes scores in NAB's results layout, {@code <detector>/<category>/<detector>_<file>.csv} with the
 * columns {@code timestamp,value,anomaly_score,label}, so NAB's own scorer can check our figures.
 */
public final class NabResultsWriter {

    private NabResultsWriter() {
    }

    /** Writes one results file per scored series under {@code root}. */
    public static void write(Path root, String detector, Iterable<NabScorer.ScoredSeries> scored) {
        for (NabScorer.ScoredSeries file : scored) {
            NabSeries series = file.series();
            Path target = root.resolve(detector).resolve(series.category())
                    .resolve(detector + "_" + series.fileName());
            int[] labels = series.labels();
            try {
                Files.createDirectories(target.getParent());
                try (BufferedWriter out = Files.newBufferedWriter(target)) {
                    out.write("timestamp,value,anomaly_score,label\n");
                    for (int i = 0; i < series.size(); i++) {
                        out.write(series.timestamps()[i] + "," + series.values()[i] + "," + file.scores()[i]
                                + "," + labels[i] + "\n");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write NAB results file " + target, e);
            }
        }
    }
}
