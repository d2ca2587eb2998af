package care.m2m.anomaly;

/**
 * Smoothing weights derived once from a {@link DetectorConfig} and shared by every stream's detector, so
 * that a detector's own state holds only what differs between streams.
 */
record Rates(
        int warmUpPoints,
        double shortAlpha,
        double longAlpha,
        double likelihoodKeep,
        double clipSigmas,
        double refractoryDecay,
        double repeatDiscount,
        double scoreScale) {

    static Rates of(DetectorConfig config) {
        return new Rates(
                config.warmUpPoints(),
                1.0 / config.shortSpan(),
                1.0 / config.longSpan(),
                1.0 - 1.0 / config.likelihoodSpan(),
                config.clipSigmas(),
                Math.pow(0.5, 1.0 / config.refractoryHalfLife()),
                config.repeatDiscount(),
                config.scoreScale());
    }
}
