package care.m2m.gateway.diagnosis.rules;

import care.m2m.contracts.messages.MetricValue;
import java.util.Map;
import java.util.Objects;

/**
 * A test on one metric of one telemetry point, such as {@code boiler_temp_c > 130} or
 * {@code state == brewing}. Numbers compare numerically; texts and booleans only with {@code ==} and
 * {@code !=}. A point that lacks the metric is "unknown": neither true nor false.
 */
public record Condition(String metric, Op op, Object value) {

    /** The comparison operators a rule file may use. */
    public enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static Op parse(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("op: expected one of >, >=, <, <=, ==, !=, got '" + symbol + "'");
        }
    }

    /** Outcome of a test: the metric may be absent from a point. */
    public enum Truth { TRUE, FALSE, UNKNOWN }

    public Condition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (!(value instanceof Number) && op != Op.EQ && op != Op.NE) {
            throw new IllegalArgumentException(metric + ": only == and != apply to " + value);
        }
    }

    public Truth test(Map<String, MetricValue> values) {
        MetricValue actual = values.get(metric);
        if (actual == null) {
            return Truth.UNKNOWN;
        }
        return test(actual) ? Truth.TRUE : Truth.FALSE;
    }

    public boolean test(MetricValue actual) {
        if (value instanceof Number expected) {
            return actual instanceof MetricValue.Num n && compare(n.value(), expected.doubleValue());
        }
        boolean equal = value.equals(actual.raw());
        return op == Op.EQ ? equal : !equal;
    }

    /** Compares a number with the threshold; also used for derived numbers such as a rate of change. */
    public boolean compare(double actual, double threshold) {
        return switch (op) {
            case GT -> actual > threshold;
            case GE -> actual >= threshold;
            case LT -> actual < threshold;
            case LE -> actual <= threshold;
            case EQ -> actual == threshold;
            case NE -> actual != threshold;
        };
    }

    @Override
    public String toString() {
        return metric + " " + op.symbol() + " " + value;
    }
}
