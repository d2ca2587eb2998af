package care.m2m.anomaly;

/**
 * Creates the detector for each new stream.
 *
 * <p>The single place that names the method, so the gateway and the evaluations are guaranteed to run
 * the same code with the same configuration. Keep one factory per configuration: the weights derived
 * from it are shared by all the detectors it creates instead of being copied into each.
 */
public final class DetectorFactory {

    /** Which method the factory's detectors run. */
    public enum Method {
        /** {@link EnsembleDetector}: three learnt-tail views, de-duplicated. */
        ENSEMBLE,
        /** {@link ArtDetector}: fuzzy-ART novelty of downsampled windows (ARTime-like). */
        ART,
        /** {@link FusedDetector}: the louder of the two above (the default). */
        FUSED
    }

    /** The method behind {@link #DetectorFactory(DetectorConfig)}: the best NAB figures of a live stream. */
    public static final Method DEFAULT_METHOD = Method.FUSED;

    private final Rates rates;
    private final ArtConfig art;
    private final Method method;

    /** A factory for the default method ({@link #DEFAULT_METHOD}) with {@code config} and the default ART settings. */
    public DetectorFactory(DetectorConfig config) {
        this(config, ArtConfig.defaults(), DEFAULT_METHOD);
    }

    /** A factory for {@code method}; each method reads only its own settings. */
    public DetectorFactory(DetectorConfig config, ArtConfig art, Method method) {
        this.rates = Rates.of(config);
        this.art = art;
        this.method = method;
    }

    /** The method this factory's detectors run. */
    public Method method() {
        return method;
    }

    /** A fresh detector for one stream whose range is not known: it learns what it needs. */
    public AnomalyDetector newDetector() {
        return newDetector(false, 0.0, 0.0);
    }

    /**
     * A fresh detector for one stream whose values are declared to lie in [min, max] (e.g. a device model's
     * metric range). The ensemble method ignores the range; the ART method normalises by it instead of
     * learning a range from its warm-up.
     */
    public AnomalyDetector newDetector(double min, double max) {
        return newDetector(true, min, max);
    }

    private AnomalyDetector newDetector(boolean ranged, double min, double max) {
        return switch (method) {
            case ENSEMBLE -> new EnsembleDetector(rates);
            case ART -> newArt(ranged, min, max);
            case FUSED -> new FusedDetector(new EnsembleDetector(rates), newArt(ranged, min, max));
        };
    }

    private ArtDetector newArt(boolean ranged, double min, double max) {
        ArtDetector detector = new ArtDetector(art);
        return ranged ? detector.withRange(min, max) : detector;
    }

    /** A fresh detector for one stream, for callers that create few. */
    public static AnomalyDetector create(DetectorConfig config) {
        return new DetectorFactory(config).newDetector();
    }
}
