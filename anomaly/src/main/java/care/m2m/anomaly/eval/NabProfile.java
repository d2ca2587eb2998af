package care.m2m.anomaly.eval;

import java.util.List;

/**
 * One of NAB's application profiles: how much a detected window, a false alarm and a missed window
 * weigh. The three published profiles are constants.
 *
 * @param name NAB's profile name
 * @param tpWeight A_TP, the reward for a detection at a window's left edge
 * @param fpWeight A_FP, the cost of a detection outside every window
 * @param fnWeight A_FN, the cost of a window with no detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);
    public static final NabProfile REWARD_LOW_FP = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    public static final NabProfile REWARD_LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /** The three profiles in NAB's usual order. */
    public static List<NabProfile> all() {
        return List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
    }
}
