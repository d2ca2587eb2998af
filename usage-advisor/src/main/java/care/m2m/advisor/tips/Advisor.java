package care.m2m.advisor.tips;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs every applicable generator for a device and keeps the tips that clear the policy, most valuable
 * first. The gateway schedules it per device; it holds no state.
 */
public final class Advisor {

    private final List<TipGenerator> generators;
    private final TipPolicy policy;

    public Advisor(List<TipGenerator> generators, TipPolicy policy) {
        this.generators = List.copyOf(generators);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public List<Tip> advise(AdvisorContext context) {
        return generators.stream()
                .filter(g -> g.appliesTo(context.device()))
                .map(g -> g.generate(context))
                .flatMap(Optional::stream)
                .filter(policy::accepts)
                .sorted(Comparator.comparingDouble((Tip t) -> t.benefit().eurPerMonth()).reversed()
                        .thenComparing(t -> t.kind()))
                .toList();
    }
}
