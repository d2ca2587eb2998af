package care.m2m.contracts.validation;

import java.util.Objects;

/**
 * One broken rule: where ({@code path}, a JSON path such as {@code $.metrics.boiler_temp_c}), what the
 * contract expected and what actually arrived (already shortened for logs and error payloads).
 */
public record Violation(String path, String expected, String actual) {

    private static final int MAX_ACTUAL_CHARS = 80;

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        actual = shorten(actual == null ? "nothing" : actual);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ACTUAL_CHARS ? text : text.substring(0, MAX_ACTUAL_CHARS) + "...";
    }

    @Override
    public String toString() {
        return path + ": expected " + expected + ", got " + actual;
    }
}
