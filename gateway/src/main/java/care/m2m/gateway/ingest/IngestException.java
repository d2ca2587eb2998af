package care.m2m.gateway.ingest;

import care.m2m.contracts.validation.ContractViolation;
import java.util.Optional;

/**
 * Why an uplink was not accepted. Transports map the {@link Kind} to their own codes (one mapper per
 * protocol); {@link #reason()} is the stable tag counted in {@code m2mcare_*_rejected_total}.
 */
public final class IngestException extends RuntimeException {

    /** The classes of failure a transport must tell apart. */
    public enum Kind {
        /** The message breaks the contract; sending it again will not help. */
        INVALID,
        /** The device may not send to this topic (someone else's, or a downlink topic). */
        NOT_AUTHORIZED,
        /** Nothing was stored; the device should retry later. */
        UNAVAILABLE,
        /** The gateway is too busy right now; the device should slow down and retry. */
        OVERLOADED
    }

    private final Kind kind;
    private final String reason;
    private final ContractViolation violation;

    private IngestException(Kind kind, String reason, String message, ContractViolation violation, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
        this.violation = violation;
    }

    public static IngestException invalid(ContractViolation violation) {
        return new IngestException(Kind.INVALID, violation.reason().tag(), violation.getMessage(), violation, violation);
    }

    /** A topic or path outside the contract: counted as {@code invalid_topic} whatever was wrong with it. */
    public static IngestException invalidTopic(ContractViolation violation) {
        return new IngestException(Kind.INVALID, "invalid_topic", violation.getMessage(), violation, violation);
    }

    /** A well-formed message the gateway cannot accept (for example feedback on an unknown tip), counted as {@code reason}. */
    public static IngestException refused(String reason, String message) {
        return new IngestException(Kind.INVALID, reason, message, null, null);
    }

    public static IngestException notAuthorized(String reason, String message) {
        return new IngestException(Kind.NOT_AUTHORIZED, reason, message, null, null);
    }

    public static IngestException unavailable(Throwable cause) {
        return new IngestException(Kind.UNAVAILABLE, "store_unavailable", cause.getMessage(), null, cause);
    }

    public static IngestException overloaded(Throwable cause) {
        return new IngestException(Kind.OVERLOADED, "overloaded", cause.getMessage(), null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** Lower-case reason tag for metrics, e.g. {@code out_of_range} or {@code foreign_topic}. */
    public String reason() {
        return reason;
    }

    /** The contract violation behind an {@link Kind#INVALID} failure. */
    public Optional<ContractViolation> violation() {
        return Optional.ofNullable(violation);
    }
}
