package care.m2m.anomaly;

/**
 * The default method: three cheap streaming views of the series, each judged by how rarely it has been
 * this extreme on this stream, added up, then de-duplicated so that one event alerts once.
 *
 * <p>The views, all O(1) per point, in units of the stream's own usual size:
 * <ul>
 *   <li><b>value</b>: distance of the value from the long mean, in long standard deviations (the view
 *       of NAB's windowed Gaussian, with a clipped, exponentially weighted memory instead of a window);</li>
 *   <li><b>erratic</b>: the short average of the one-step change against its usual size (the series
 *       became jumpy or a spike arrived);</li>
 *   <li><b>level</b>: the short mean against the long mean (a level shift, before it is learned).</li>
 * </ul>
 * Each view's rarity comes from a {@link TailGrid}, which learns the view's distribution on this stream,
 * so the surprises are comparable between streams and can be added: an anomaly usually lights up several
 * views at once, noise rarely does. A decaying memory of the loudest recent surprise is then partly
 * subtracted, so a sustained anomaly scores high on its first points and then goes quiet until something
 * clearly louder comes (NAB rewards the first detection in a window and charges every later one outside).
 */
final class EnsembleDetector implements AnomalyDetector {

    private static final int VIEWS = 3;

    private final Rates rates;
    private final float[] tails = new float[VIEWS * TailGrid.LEVELS];
    private long count;
    private double total;
    private double previous;
    private double longMean;
    private double longVariance;
    private double shortMean;
    private double changeScale;
    private double erratic;
    private double alerted;

    EnsembleDetector(Rates rates) {
        this.rates = rates;
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0.0;
        }
        count++;
        if (count == 1) {
            previous = value;
            longMean = value;
            shortMean = value;
            return 0.0;
        }
        boolean warm = count > rates.warmUpPoints();
        double floor = 1e-9 * (1.0 + Math.abs(longMean));
        double longSd = Math.max(Math.sqrt(longVariance), floor);
        double change = Math.abs(value - previous);
        shortMean += rates.shortAlpha() * (value - shortMean);
        erratic += rates.shortAlpha() * (change / Math.max(changeScale, floor) - erratic);

        double surprise = view(0, Math.abs(value - longMean) / longSd)
                + view(1, erratic)
                + view(2, Math.abs(shortMean - longMean) / longSd);
        total = total * rates.likelihoodKeep() + 1.0;
        learn(value, change, longSd, floor, warm);

        if (!warm) {
            if (count > rates.warmUpPoints() / 2) {
                alerted = Math.max(alerted * rates.refractoryDecay(), surprise);
            }
            return 0.0;
        }
        double fresh = Math.max(0.0, surprise - rates.repeatDiscount() * alerted);
        alerted = Math.max(alerted * rates.refractoryDecay(), surprise);
        return fresh / (fresh + rates.scoreScale());
    }

    private double view(int index, double feature) {
        int offset = index * TailGrid.LEVELS;
        double surprise = TailGrid.surprise(tails, offset, total, feature);
        TailGrid.learn(tails, offset, rates.likelihoodKeep(), feature);
        return surprise;
    }

    private void learn(double value, double change, double longSd, double floor, boolean warm) {
        double longAlpha = Math.max(1.0 / count, rates.longAlpha());
        double clip = warm ? rates.clipSigmas() : Double.POSITIVE_INFINITY;
        double bound = clip * longSd;
        double delta = Math.max(-bound, Math.min(bound, value - longMean));
        longMean += longAlpha * delta;
        longVariance = (1.0 - longAlpha) * (longVariance + longAlpha * delta * delta);
        double taughtChange = Math.min(change, clip * Math.max(changeScale, floor));
        changeScale += longAlpha * (taughtChange - changeScale);
        previous = value;
    }
}
