package care.m2m.advisor.effect;

/**
 * The measured effect: the treated group's change in usage minus the control group's change over the same
 * time (difference in differences), with its confidence interval, also relative to the treated group's usage
 * before. {@code significant} when the interval excludes zero.
 */
public record EffectEstimate(double effect, double low, double high, double confidence, double relativeEffect,
        int treated, int control) {

    public boolean significant() {
        return low > 0 || high < 0;
    }
}
