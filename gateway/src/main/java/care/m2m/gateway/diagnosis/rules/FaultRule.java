package care.m2m.gateway.diagnosis.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * One line of a model's fault rules: when to raise which fault code, when it counts as cleared, and how long
 * a repair has to show that it worked. Rules are data (read from {@code <model>.rules.json}); their
 * evaluation lives in {@link RuleState}.
 *
 * @param fault the fault code raised (a code of the model, or a gateway code such as {@code DEVICE_SILENT})
 * @param type which kind of rule
 * @param condition the test on each point (null for {@link Type#SILENCE})
 * @param when an optional guard on the same point, e.g. "only while brewing"
 * @param clear the test that clears the fault (default: the condition is false)
 * @param holdFor how long the condition must hold before the fault is raised ({@link Type#THRESHOLD}),
 *     the window of {@link Type#REPEATED}, the silence of {@link Type#SILENCE}
 * @param count how many true points within {@code holdFor} raise a {@link Type#REPEATED} rule
 * @param verifyWindow how long after a repair command executed the fault must be seen cleared
 * @param description the condition in words, shown on faults and tickets
 */
public record FaultRule(String fault, Type type, Condition condition, Condition when, Condition clear,
        Duration holdFor, int count, Duration verifyWindow, String description) {

    /** The kinds of rules a model can use. */
    public enum Type {
        /** condition true (for at least {@code holdFor}, default at once). */
        THRESHOLD,
        /** the metric's change per minute meets the condition's threshold. */
        RATE,
        /** condition true {@code count} times within {@code holdFor}. */
        REPEATED,
        /** no telemetry at all for {@code holdFor}. */
        SILENCE
    }

    public FaultRule {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(holdFor, "holdFor");
        Objects.requireNonNull(verifyWindow, "verifyWindow");
        if (type != Type.SILENCE) {
            Objects.requireNonNull(condition, "condition");
        }
        if (type == Type.SILENCE && holdFor.isZero()) {
            throw new IllegalArgumentException(fault + ": a silence rule needs 'after'");
        }
        if (type == Type.REPEATED && (count < 2 || holdFor.isZero())) {
            throw new IllegalArgumentException(fault + ": a repeated rule needs 'count' >= 2 and 'within'");
        }
        if (description == null || description.isBlank()) {
            description = describe(type, condition, when, holdFor, count);
        }
    }

    private static String describe(Type type, Condition condition, Condition when, Duration holdFor, int count) {
        String guard = when == null ? "" : " while " + when;
        return switch (type) {
            case THRESHOLD -> condition + guard + (holdFor.isZero() ? "" : " for " + human(holdFor));
            case RATE -> "change of " + condition.metric() + " per minute " + condition.op().symbol() + " "
                    + condition.value() + guard;
            case REPEATED -> condition + guard + " " + count + " times within " + human(holdFor);
            case SILENCE -> "no data for " + human(holdFor);
        };
    }

    static String human(Duration d) {
        return d.toString().substring(2).toLowerCase();
    }
}
