package care.m2m.advisor.effect;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Difference in differences between devices that got a tip and held-out devices that did not, with a
 * percentile bootstrap confidence interval (resampling devices within each group). Comparing changes rather
 * than levels removes what differs between devices; comparing with the control group removes what changed
 * for everyone (season, prices).
 */
public final class EffectEstimator {

    public static final int RESAMPLES = 2000;
    private final long seed;

    /** @param seed the bootstrap's random seed, so that a report can be reproduced */
    public EffectEstimator(long seed) {
        this.seed = seed;
    }

    public EffectEstimate estimate(List<Observation> observations, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: expected a level in (0, 1) such as 0.95, got " + confidence);
        }
        double[] treated = observations.stream().filter(Observation::treated).mapToDouble(Observation::change).toArray();
        double[] control = observations.stream().filter(o -> !o.treated()).mapToDouble(Observation::change).toArray();
        if (treated.length < 2 || control.length < 2) {
            throw new IllegalArgumentException("need at least 2 treated and 2 control devices, got "
                    + treated.length + " and " + control.length);
        }
        double effect = mean(treated) - mean(control);
        double[] draws = new double[RESAMPLES];
        Random random = new Random(seed);
        for (int i = 0; i < RESAMPLES; i++) {
            draws[i] = resampledMean(treated, random) - resampledMean(control, random);
        }
        Arrays.sort(draws);
        double tail = (1 - confidence) / 2;
        double low = draws[(int) Math.floor(tail * (RESAMPLES - 1))];
        double high = draws[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))];
        double before = observations.stream().filter(Observation::treated).mapToDouble(Observation::before).average()
                .orElse(Double.NaN);
        return new EffectEstimate(effect, low, high, confidence, before == 0 ? Double.NaN : effect / before,
                treated.length, control.length);
    }

    private static double resampledMean(double[] values, Random random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
