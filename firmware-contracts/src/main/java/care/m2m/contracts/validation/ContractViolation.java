package care.m2m.contracts.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A message, topic or payload that breaks the firmware contract. It carries a machine-readable
 * {@link Reason} (what transports map to reason codes and what metrics count) and the individual
 * {@link Violation}s, each naming the field path, what was expected and what arrived.
 */
public final class ContractViolation extends RuntimeException {

    /** Why a message was refused; stable names, used as the {@code reason} tag of rejection counters. */
    public enum Reason {
        /** Not decodable at all: broken JSON or CBOR, or not an object. */
        MALFORMED_PAYLOAD("malformed_payload"),
        /** Decodable, but fields are missing, of the wrong type or not allowed by the schema. */
        SCHEMA_VIOLATION("schema_violation"),
        /** A metric the device model does not declare. */
        UNKNOWN_METRIC("unknown_metric"),
        /** A metric value outside the model's valid range or set of values. */
        OUT_OF_RANGE("out_of_range"),
        /** A contract version this gateway does not speak. */
        UNSUPPORTED_VERSION("unsupported_version"),
        /** A topic or path that is not part of the contract. */
        INVALID_TOPIC("invalid_topic"),
        /** A payload encoding or content format the contract does not define. */
        UNSUPPORTED_ENCODING("unsupported_encoding"),
        /** A payload larger than the contract allows. */
        PAYLOAD_TOO_LARGE("payload_too_large");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        /** The lower-case name used in metrics and problem documents. */
        public String tag() {
            return tag;
        }
    }

    private final Reason reason;
    private final List<Violation> violations;

    public ContractViolation(Reason reason, List<Violation> violations) {
        super(describe(reason, violations));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.violations = List.copyOf(violations);
    }

    public static ContractViolation of(Reason reason, String path, String expected, String actual) {
        return new ContractViolation(reason, List.of(new Violation(path, expected, actual)));
    }

    public Reason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(Reason reason, List<Violation> violations) {
        if (violations.isEmpty()) {
            return reason.tag();
        }
        return reason.tag() + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
