package care.m2m.advisor.tips;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What in the customer's data led to a tip: one sentence for people and the figures behind it for machines.
 * Delivery uses the figures to tell whether the evidence changed since a tip was dismissed.
 *
 * @param summary what was observed, in words
 * @param figures the numbers behind it, by name (sorted, so equal evidence compares equal)
 */
public record Evidence(String summary, Map<String, Double> figures) {

    public Evidence {
        Objects.requireNonNull(summary, "summary");
        figures = java.util.Collections.unmodifiableMap(new TreeMap<>(figures));
    }
}
