package care.m2m.advisor.tips;

import java.util.Objects;

/**
 * One piece of advice for one device: the kind, what the data showed, what to do and what it is worth. A
 * value object, so the gateway can store it, deliver it on every channel and compare versions of it.
 *
 * @param kind what sort of advice
 * @param deviceId the device it is about
 * @param evidence what in the customer's data led to it
 * @param advice the concrete step, in words the customer understands
 * @param benefit the estimated gain, from the customer's own data
 * @param confidence how sure the advisor is, 0 to 1
 */
public record Tip(TipKind kind, String deviceId, Evidence evidence, String advice, Benefit benefit,
                  double confidence) {

    public Tip {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(benefit, "benefit");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("tip " + kind + " for " + deviceId
                    + ": expected a confidence in [0, 1], got " + confidence);
        }
    }
}
