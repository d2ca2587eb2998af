package care.m2m.gateway.diagnosis.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fault rules of one device model, with the windows the service ladder uses for every fault of that
 * model: how long a repair has to show it worked, how soon a fault that comes back counts as flapping, and
 * how many self-repair attempts, with what pause between them, the ladder makes before it escalates.
 */
public record ModelRules(String model, List<FaultRule> rules, Duration defaultVerifyWindow, Duration flapWindow,
        int repairAttempts, Duration repairCooldown, Map<String, LadderPolicy> ladders) {

    public static final Duration DEFAULT_VERIFY_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FLAP_WINDOW = Duration.ofMinutes(10);
    public static final int DEFAULT_REPAIR_ATTEMPTS = 2;
    public static final Duration DEFAULT_REPAIR_COOLDOWN = Duration.ofSeconds(30);

    public ModelRules {
        rules = List.copyOf(rules);
        ladders = Map.copyOf(ladders);
    }

    /** The ladder of one fault code: its own entry in the rule file, else every rung with the model's defaults. */
    public LadderPolicy ladder(String faultCode) {
        return ladders.getOrDefault(faultCode, LadderPolicy.all(repairAttempts, repairCooldown));
    }

    public static ModelRules none(String model) {
        return new ModelRules(model, List.of(), DEFAULT_VERIFY_WINDOW, DEFAULT_FLAP_WINDOW, DEFAULT_REPAIR_ATTEMPTS,
                DEFAULT_REPAIR_COOLDOWN, Map.of());
    }

    /** How long a repair of this fault code has to show that it worked. */
    public Duration verifyWindow(String faultCode) {
        return rules.stream().filter(r -> r.fault().equals(faultCode)).map(FaultRule::verifyWindow)
                .findFirst().orElse(defaultVerifyWindow);
    }
}
