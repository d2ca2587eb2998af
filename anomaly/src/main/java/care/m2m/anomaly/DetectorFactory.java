package care.m2m.anomaly;

/**
 * Creates the detector for each new stream.
 *
 * <p>The single place that names the method, so the gateway and the evaluations are guaranteed to run
 * the same code with the same configuration. Keep one factory per configuration: the weights derived
 * from it are shared by all the detectors it creates instead of being copied into each.
 */
public final class DetectorFactory {

    private final Rates rates;

    /** A factory for detectors that all use {@code config}. */
    public DetectorFactory(DetectorConfig config) {
        this.rates = Rates.of(config);
    }

    /** A fresh detector for one stream. */
    public AnomalyDetector newDetector() {
        return new EnsembleDetector(rates);
    }

    /** A fresh detector for one stream, for callers that create few. */
    public static AnomalyDetector create(DetectorConfig config) {
        return new DetectorFactory(config).newDetector();
    }
}
