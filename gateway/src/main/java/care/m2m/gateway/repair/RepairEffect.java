package care.m2m.gateway.repair;

import care.m2m.advisor.effect.EffectEstimate;
import care.m2m.advisor.effect.EffectEstimator;
import care.m2m.advisor.effect.Observation;
import care.m2m.advisor.effect.ProportionDifference;
import care.m2m.gateway.repair.RepairAssignment.Arm;
import care.m2m.gateway.repair.RepairAssignmentStore.Course;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Did self-repair work beyond the moment? Per fault code and overall, repaired faults against faults held out
 * of self-repair at random: the repeat-fault rate within the horizon (difference of proportions, Newcombe's
 * hybrid score interval) and the time to clear (difference of restricted means within the horizon, percentile
 * bootstrap of {@link EffectEstimator} with every fault's "before" at 0). Only faults whose horizon has passed
 * are counted, so both arms are judged over the same time. Blocking: call from a worker.
 */
public final class RepairEffect {

    public static final double CONFIDENCE = 0.95;
    public static final String ALL_CODES = "*";

    private final RepairAssignmentStore store;

    public RepairEffect(RepairAssignmentStore store) {
        this.store = store;
    }

    /** What one arm of one fault code did. */
    public record ArmFigures(long faults, long repeats, double meanHoursToClear) {

        public double repeatRate() {
            return faults == 0 ? Double.NaN : (double) repeats / faults;
        }
    }

    /**
     * The effect for one fault code ({@link #ALL_CODES} for all): repaired minus held out. {@code repeat} is
     * null until each arm has a fault; {@code hoursToClear} until each has two.
     */
    public record CodeEffect(String faultCode, ArmFigures repaired, ArmFigures heldOut, ProportionDifference repeat,
            EffectEstimate hoursToClear) {
    }

    /** Per fault code, then all codes together; {@code faultCode} null for every code. */
    public List<CodeEffect> measure(Duration horizon, String faultCode, Instant now) {
        List<Course> courses = store.courses(now.minus(horizon), faultCode);
        Map<String, List<Course>> byCode = courses.stream()
                .collect(Collectors.groupingBy(Course::faultCode, TreeMap::new, Collectors.toList()));
        List<CodeEffect> effects = new ArrayList<>();
        byCode.forEach((code, list) -> effects.add(effect(code, list, horizon)));
        if (faultCode == null) {
            effects.add(effect(ALL_CODES, courses, horizon));
        }
        return effects;
    }

    static CodeEffect effect(String code, List<Course> courses, Duration horizon) {
        List<Course> repaired = courses.stream().filter(c -> c.arm() == Arm.REPAIR).toList();
        List<Course> heldOut = courses.stream().filter(c -> c.arm() == Arm.HELD_OUT).toList();
        ArmFigures r = figures(repaired, horizon);
        ArmFigures h = figures(heldOut, horizon);
        ProportionDifference repeat = r.faults() > 0 && h.faults() > 0
                ? ProportionDifference.of(r.repeats(), r.faults(), h.repeats(), h.faults(), CONFIDENCE) : null;
        EffectEstimate toClear = null;
        if (r.faults() >= 2 && h.faults() >= 2) {
            List<Observation> observations = courses.stream().map(c -> new Observation(c.faultId(),
                    c.arm() == Arm.REPAIR, 0, c.hoursToClear(horizon))).toList();
            toClear = new EffectEstimator(code.hashCode()).estimate(observations, CONFIDENCE);
        }
        return new CodeEffect(code, r, h, repeat, toClear);
    }

    private static ArmFigures figures(List<Course> arm, Duration horizon) {
        long repeats = arm.stream().filter(c -> c.repeated(horizon)).count();
        double mean = arm.stream().mapToDouble(c -> c.hoursToClear(horizon)).average().orElse(Double.NaN);
        return new ArmFigures(arm.size(), repeats, mean);
    }
}
