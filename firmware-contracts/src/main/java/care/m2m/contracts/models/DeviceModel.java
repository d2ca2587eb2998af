package care.m2m.contracts.models;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The capability profile of one product model: which metrics it reports, which faults it knows and which
 * actions it can run. It is data, loaded from a file, so that a new product needs a profile, not code; the
 * gateway validates telemetry, names faults and picks self-repair actions from it.
 */
public record DeviceModel(String id, String name, String category, String description, List<MetricSpec> metrics,
                          List<FaultSpec> faults, List<ActionSpec> actions) {

    public DeviceModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        metrics = List.copyOf(metrics);
        faults = List.copyOf(faults);
        actions = List.copyOf(actions);
        requireUnique(id, "metric", metrics.stream().map(MetricSpec::name).toList());
        requireUnique(id, "fault", faults.stream().map(FaultSpec::code).toList());
        requireUnique(id, "action", actions.stream().map(ActionSpec::name).toList());
        Set<String> actionNames = new HashSet<>(actions.stream().map(ActionSpec::name).toList());
        for (FaultSpec fault : faults) {
            for (String repair : fault.repairActions()) {
                if (!actionNames.contains(repair)) {
                    throw new IllegalArgumentException("model " + id + ": fault " + fault.code()
                            + " names repair action " + repair + ", which the model does not declare");
                }
            }
        }
    }

    public Optional<MetricSpec> metric(String metricName) {
        for (MetricSpec metric : metrics) {
            if (metric.name().equals(metricName)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    public Optional<FaultSpec> fault(String code) {
        return faults.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Optional<ActionSpec> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }

    private static void requireUnique(String model, String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("model " + model + ": " + what + " " + n + " is declared twice");
            }
        }
    }
}
