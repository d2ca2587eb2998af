package care.m2m.gateway.diagnosis.rules;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.diagnosis.rules.Condition.Truth;
import java.util.Map;

/**
 * The running state of one rule for one device: a few numbers, updated in O(1) per point. It answers each
 * point with {@link Change#RAISE}, {@link Change#CLEAR} or {@link Change#NONE}; the fault tracker turns
 * changes into fault records.
 */
public final class RuleState {

    /** What one point did to the rule. */
    public enum Change { NONE, RAISE, CLEAR }

    private final FaultRule rule;
    private boolean raised;
    private long trueSince = -1;
    private double previousValue = Double.NaN;
    private long previousAt = -1;
    private final long[] hits;
    private int hitCount;
    private int hitNext;

    public RuleState(FaultRule rule) {
        this.rule = rule;
        this.hits = rule.type() == FaultRule.Type.REPEATED ? new long[rule.count()] : new long[0];
    }

    public FaultRule rule() {
        return rule;
    }

    public boolean raised() {
        return raised;
    }

    /** Remembers that the rule had fired before a restart, so its clear condition is watched. */
    public void markRaised() {
        raised = true;
    }

    /** Forgets that the rule fired, for example after the fault was cleared by the device itself. */
    public void reset() {
        raised = false;
        trueSince = -1;
        hitCount = 0;
    }

    public Change onPoint(long at, Map<String, MetricValue> values) {
        if (rule.when() != null && rule.when().test(values) != Truth.TRUE) {
            return Change.NONE;
        }
        return switch (rule.type()) {
            case THRESHOLD -> threshold(at, values);
            case RATE -> rate(at, values);
            case REPEATED -> repeated(at, values);
            case SILENCE -> raised ? lower() : Change.NONE;
        };
    }

    /** For silence rules: called by the periodic check with the device's last point time. */
    public Change onSilence(long now, long lastSeenAt) {
        if (!raised && now - lastSeenAt >= rule.holdFor().toMillis()) {
            return raise();
        }
        return Change.NONE;
    }

    private Change threshold(long at, Map<String, MetricValue> values) {
        Truth truth = rule.condition().test(values);
        if (truth == Truth.UNKNOWN) {
            return Change.NONE;
        }
        if (truth == Truth.TRUE) {
            if (trueSince < 0) {
                trueSince = at;
            }
            return !raised && at - trueSince >= rule.holdFor().toMillis() ? raise() : Change.NONE;
        }
        trueSince = -1;
        return raised && cleared(values) ? lower() : Change.NONE;
    }

    private Change rate(long at, Map<String, MetricValue> values) {
        MetricValue value = values.get(rule.condition().metric());
        if (!(value instanceof MetricValue.Num num)) {
            return Change.NONE;
        }
        double previous = previousValue;
        long previousTime = previousAt;
        previousValue = num.value();
        previousAt = at;
        if (previousTime < 0 || at <= previousTime) {
            return Change.NONE;
        }
        double perMinute = (num.value() - previous) * 60_000.0 / (at - previousTime);
        double threshold = ((Number) rule.condition().value()).doubleValue();
        if (rule.condition().compare(perMinute, threshold)) {
            return raised ? Change.NONE : raise();
        }
        return raised && cleared(values) ? lower() : Change.NONE;
    }

    private Change repeated(long at, Map<String, MetricValue> values) {
        Truth truth = rule.condition().test(values);
        long window = rule.holdFor().toMillis();
        if (truth == Truth.TRUE) {
            hits[hitNext] = at;
            hitNext = (hitNext + 1) % hits.length;
            hitCount = Math.min(hitCount + 1, hits.length);
            long oldest = hits[hitNext % hits.length];
            if (!raised && hitCount == hits.length && at - oldest <= window) {
                return raise();
            }
            return Change.NONE;
        }
        long newest = hitCount == 0 ? -1 : hits[(hitNext - 1 + hits.length) % hits.length];
        if (truth == Truth.FALSE && raised && (newest < 0 || at - newest > window)) {
            hitCount = 0;
            return lower();
        }
        return Change.NONE;
    }

    private boolean cleared(Map<String, MetricValue> values) {
        return rule.clear() == null || rule.clear().test(values) == Truth.TRUE;
    }

    private Change raise() {
        raised = true;
        return Change.RAISE;
    }

    private Change lower() {
        raised = false;
        trueSince = -1;
        return Change.CLEAR;
    }
}
