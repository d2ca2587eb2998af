package care.m2m.contracts.messages;

import java.util.Objects;

/**
 * One metric reading in a telemetry message: a number, a boolean or a text (for states such as
 * {@code brewing}). Kept as a closed set so stores and validators handle every case.
 */
public sealed interface MetricValue {

    /** The value as a plain Java object (Double, Boolean or String), for encoders and stores. */
    Object raw();

    record Num(double value) implements MetricValue {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a metric number must be finite, got " + value);
            }
        }

        @Override
        public Object raw() {
            return value;
        }
    }

    record Bool(boolean value) implements MetricValue {
        @Override
        public Object raw() {
            return value;
        }
    }

    record Text(String value) implements MetricValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Object raw() {
            return value;
        }
    }

    static MetricValue of(double value) {
        return new Num(value);
    }

    static MetricValue of(boolean value) {
        return new Bool(value);
    }

    static MetricValue of(String value) {
        return new Text(value);
    }
}
