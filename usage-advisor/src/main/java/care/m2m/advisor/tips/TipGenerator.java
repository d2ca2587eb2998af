package care.m2m.advisor.tips;

import java.util.Optional;

/**
 * Looks for one kind of opportunity in one device's data. A generator stays quiet unless its own evidence is
 * sufficient; the {@link TipPolicy} then applies the common thresholds.
 */
public interface TipGenerator {

    /** Whether this generator has anything to say about devices of this model. */
    boolean appliesTo(Device device);

    /** The tip, or empty when the data does not support one. */
    Optional<Tip> generate(AdvisorContext context);
}
