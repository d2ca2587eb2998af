package care.m2m.contracts.validation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A fast, conservative check of the telemetry envelope ({@code telemetry.schema.json}) for the hot ingest path.
 * {@link #certainlyValid} answers true only for trees the published schema accepts: the common shape (integer
 * {@code ts} and {@code seq}, plain ASCII names, finite numbers, short strings). Anything unusual answers false and
 * the caller runs the full JSON Schema validator, which stays the single source of truth for what is valid and
 * for the wording of every violation. The generic validator was 27% of the event loops' CPU at 20,000 messages per
 * second (JFR, bench/ingest-compare.sh); this check is a few hundred nanoseconds. {@code TelemetryEnvelopeTest}
 * compares the two on every golden sample and on fuzzed trees: the fast check may never accept what the schema
 * refuses.
 */
public final class TelemetryEnvelope {

    private static final long MAX_TIMESTAMP = 253_402_300_799_999L;
    private static final long MAX_SEQUENCE = 9_007_199_254_740_991L;
    private static final int MAX_METRICS = 64;
    private static final int MAX_NAME = 64;
    private static final int MAX_TEXT = 64;
    private static final int MAX_FIRMWARE = 32;

    private TelemetryEnvelope() {
    }

    /** True only when the schema certainly accepts {@code tree}; false means "ask the schema". */
    public static boolean certainlyValid(ObjectNode tree) {
        JsonNode metrics = null;
        boolean version = false;
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "v" -> version = isWholeInRange(value, 1, 1);
                case "ts" -> isWholeInRange(value, 0, MAX_TIMESTAMP);
                case "seq" -> isWholeInRange(value, 0, MAX_SEQUENCE);
                case "fw" -> isFirmware(value);
                case "metrics" -> {
                    metrics = value;
                    yield areMetrics(value);
                }
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return version && metrics != null;
    }

    private static boolean isWholeInRange(JsonNode value, long min, long max) {
        if (!value.isInt() && !value.isLong()) {
            return false;
        }
        long number = value.longValue();
        return number >= min && number <= max;
    }

    private static boolean isFirmware(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        String text = value.stringValue();
        if (text.isEmpty() || text.length() > MAX_FIRMWARE || !isAlphanumeric(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '+' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean areMetrics(JsonNode value) {
        if (!value.isObject() || value.isEmpty() || value.size() > MAX_METRICS) {
            return false;
        }
        for (Map.Entry<String, JsonNode> metric : value.properties()) {
            if (!isMetricName(metric.getKey()) || !isMetricValue(metric.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[a-z][a-z0-9_]{0,63}$} */
    private static boolean isMetricName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isMetricValue(JsonNode value) {
        if (value.isBoolean() || value.isInt() || value.isLong()) {
            return true;
        }
        if (value.isDouble() || value.isFloat()) {
            return Double.isFinite(value.doubleValue());
        }
        if (value.isString()) {
            String text = value.stringValue();
            return text.length() <= MAX_TEXT || text.codePointCount(0, text.length()) <= MAX_TEXT;
        }
        return false;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
