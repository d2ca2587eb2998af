package care.m2m.anomaly.eval;

import java.util.List;

/**
 * Precision, recall and F1 of thresholded scores against SKAB's labels, point-wise or per event.
 */
public final class SkabMetrics {

    /** Confusion counts with the derived figures. */
    public record Counts(int tp, int fp, int fn) {

        public double precision() {
            return tp + fp == 0 ? 0.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0.0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    private SkabMetrics() {
    }

    /** Point-wise counts, a row being predicted anomalous for {@code hold} rows from an alert on. */
    public static Counts pointWise(List<SkabEvaluation.Experiment> experiments, double threshold, int hold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (SkabEvaluation.Experiment e : experiments) {
            int raisedUntil = -1;
            for (int i = 0; i < e.scores().length; i++) {
                if (e.scores()[i] >= threshold) {
                    raisedUntil = i + hold - 1;
                }
                boolean predicted = i <= raisedUntil;
                boolean actual = e.labels()[i] == 1;
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** Per-event counts: labelled segments found or missed, and alerts outside every segment. */
    public static Counts perEvent(List<SkabEvaluation.Experiment> experiments, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (SkabEvaluation.Experiment e : experiments) {
            boolean inSegment = false;
            boolean found = false;
            for (int i = 0; i < e.scores().length; i++) {
                boolean actual = e.labels()[i] == 1;
                boolean alert = e.scores()[i] >= threshold;
                if (actual && !inSegment) {
                    found = false;
                }
                if (!actual && inSegment) {
                    tp += found ? 1 : 0;
                    fn += found ? 0 : 1;
                }
                inSegment = actual;
                found |= actual && alert;
                fp += alert && !actual ? 1 : 0;
            }
            if (inSegment) {
                tp += found ? 1 : 0;
                fn += found ? 0 : 1;
            }
        }
        return new Counts(tp, fp, fn);
    }
}
