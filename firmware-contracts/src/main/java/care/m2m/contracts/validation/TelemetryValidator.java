package care.m2m.contracts.validation;

import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.MetricSpec;
import care.m2m.contracts.validation.ContractViolation.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks the schema cannot make because they depend on the device model: is every metric one the model
 * declares, of its type and inside its range; is every fault code one the model knows. It reports all problems
 * of a message at once, so a firmware engineer fixes them in one round.
 */
public final class TelemetryValidator {

    private static final String METRICS = JsonPath.member(JsonPath.ROOT, "metrics");
    private static final String CODE = JsonPath.member(JsonPath.ROOT, "code");

    private TelemetryValidator() {
    }

    /**
     * Checks decoded telemetry against its model.
     *
     * @throws ContractViolation UNKNOWN_METRIC if any metric is unknown, else OUT_OF_RANGE if any value is outside
     *     its range or set of values, else SCHEMA_VIOLATION for type mismatches; always listing every violation
     */
    public static void check(DeviceModel model, Telemetry telemetry) {
        List<Violation> violations = new ArrayList<>();
        boolean unknown = false;
        boolean outOfRange = false;
        for (Map.Entry<String, MetricValue> reading : telemetry.metrics().entrySet()) {
            String path = JsonPath.member(METRICS, reading.getKey());
            Optional<MetricSpec> spec = model.metric(reading.getKey());
            if (spec.isEmpty()) {
                violations.add(new Violation(path, "a metric of model " + model.id(), reading.getKey()));
                unknown = true;
                continue;
            }
            Violation typeProblem = typeProblem(spec.get(), reading.getValue(), path);
            if (typeProblem != null) {
                violations.add(typeProblem);
                continue;
            }
            Violation rangeProblem = rangeProblem(spec.get(), reading.getValue(), path);
            if (rangeProblem != null) {
                violations.add(rangeProblem);
                outOfRange = true;
            }
        }
        if (!violations.isEmpty()) {
            Reason reason = unknown ? Reason.UNKNOWN_METRIC : outOfRange ? Reason.OUT_OF_RANGE : Reason.SCHEMA_VIOLATION;
            throw new ContractViolation(reason, violations);
        }
    }

    /**
     * Checks that an error, warning or cleared event names a fault code of the model; other kinds pass.
     *
     * @throws ContractViolation SCHEMA_VIOLATION at {@code $.code}
     */
    public static void check(DeviceModel model, DeviceEvent event) {
        boolean needsFault = switch (event.kind()) {
            case ERROR, WARNING, CLEARED -> true;
            case INFO, BOOT -> false;
        };
        if (needsFault && (event.code() == null || model.fault(event.code()).isEmpty())) {
            throw ContractViolation.of(Reason.SCHEMA_VIOLATION, CODE, "a fault code of model " + model.id(),
                    event.code() == null ? "nothing" : event.code());
        }
    }

    private static Violation typeProblem(MetricSpec spec, MetricValue value, String path) {
        String expected = switch (spec.type()) {
            case NUMBER -> value instanceof MetricValue.Num ? null : "number";
            case INTEGER -> value instanceof MetricValue.Num n && n.value() == Math.rint(n.value()) ? null
                    : "a whole number";
            case BOOLEAN -> value instanceof MetricValue.Bool ? null : "boolean";
            case ENUM -> value instanceof MetricValue.Text ? null : "string";
        };
        return expected == null ? null : new Violation(path, expected, describe(value));
    }

    private static Violation rangeProblem(MetricSpec spec, MetricValue value, String path) {
        if (value instanceof MetricValue.Text text && !spec.values().contains(text.value())) {
            return new Violation(path, "one of " + spec.values(), text.value());
        }
        if (value instanceof MetricValue.Num n) {
            double x = n.value();
            if ((spec.min() != null && x < spec.min()) || (spec.max() != null && x > spec.max())) {
                String unit = spec.unit().isEmpty() ? "" : " " + spec.unit();
                return new Violation(path, "number in [" + bound(spec.min(), "-inf") + ", " + bound(spec.max(), "inf")
                        + "]" + unit, String.valueOf(x));
            }
        }
        return null;
    }

    private static String bound(Double value, String none) {
        if (value == null) {
            return none;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.valueOf(value);
    }

    private static String describe(MetricValue value) {
        return switch (value) {
            case MetricValue.Num n -> "number " + n.value();
            case MetricValue.Bool b -> "boolean " + b.value();
            case MetricValue.Text t -> "string \"" + t.value() + "\"";
        };
    }
}
