package care.m2m.contracts.models;

import care.m2m.contracts.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A device-model file that cannot be used. The gateway refuses to start with one rather than validate
 * telemetry against a half-read profile; the message names the file and every broken field.
 */
public final class InvalidModelException extends RuntimeException {

    private final String source;
    private final List<Violation> violations;

    public InvalidModelException(String source, List<Violation> violations) {
        super("invalid device model " + source + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.source = source;
        this.violations = List.copyOf(violations);
    }

    /** Where the model came from: a class path resource or a file path. */
    public String source() {
        return source;
    }

    public List<Violation> violations() {
        return violations;
    }
}
