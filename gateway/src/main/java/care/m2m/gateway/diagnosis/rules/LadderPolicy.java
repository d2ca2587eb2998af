package care.m2m.gateway.diagnosis.rules;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The service ladder for one fault code, as the model's rule file configures it: which rungs apply
 * (self-repair, a self-service tip, a ticket; climbed in that order, except that the value matrix may call a
 * person at once), how many self-repair attempts with what pause between them. Codes without an entry get
 * every rung and the model's defaults.
 */
public record LadderPolicy(Set<Rung> rungs, int repairAttempts, Duration repairCooldown) {

    /** The rungs of the ladder. */
    public enum Rung { REPAIR, TIP, TICKET }

    public LadderPolicy {
        rungs = rungs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rungs));
        Objects.requireNonNull(repairCooldown, "repairCooldown");
        if (repairAttempts < 0) {
            throw new IllegalArgumentException("repairAttempts: expected 0 or more, got " + repairAttempts);
        }
    }

    public static LadderPolicy all(int repairAttempts, Duration repairCooldown) {
        return new LadderPolicy(EnumSet.allOf(Rung.class), repairAttempts, repairCooldown);
    }

    public boolean has(Rung rung) {
        return rungs.contains(rung);
    }
}
