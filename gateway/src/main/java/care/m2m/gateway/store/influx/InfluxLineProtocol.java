package care.m2m.gateway.store.influx;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.TelemetryPoint;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes telemetry as InfluxDB line protocol ({@code telemetry,device=..,model=.. metric=1.5,... <epoch ms>}) with
 * the layout of {@link InfluxMapping}. Written by hand because the client library's {@code Point} formats every
 * float through {@code DecimalFormat}, which was a third of the telemetry writer's CPU at 20,000 messages per second
 * (JFR, bench/ingest-compare.sh). Floats use the shortest representation that reads back to the same double
 * ({@link Double#toString}); InfluxDB parses its exponent form.
 */
final class InfluxLineProtocol {

    private InfluxLineProtocol() {
    }

    /**
     * The batch as line protocol, one line per point with values, and how many lines that is.
     *
     * @throws IllegalArgumentException for a metric name InfluxDB reserves (numbers are always finite: see
     *     {@link MetricValue.Num})
     */
    static Lines encode(List<TelemetryPoint> points) {
        StringBuilder out = new StringBuilder(points.size() * 256);
        int count = 0;
        for (TelemetryPoint point : points) {
            if (append(out, point)) {
                count++;
            }
        }
        return new Lines(out.toString(), count);
    }

    /** Encoded lines and their number. */
    record Lines(String text, int count) {
    }

    /** Appends one line (and a newline), or nothing for a point without values; true when a line was written. */
    static boolean append(StringBuilder out, TelemetryPoint point) {
        if (point.values().isEmpty()) {
            return false;
        }
        int start = out.length();
        out.append(InfluxMapping.MEASUREMENT).append(',').append(InfluxMapping.DEVICE_TAG).append('=');
        escapeKey(out, point.deviceId());
        out.append(',').append(InfluxMapping.MODEL_TAG).append('=');
        escapeKey(out, point.model());
        char separator = ' ';
        for (Map.Entry<String, MetricValue> entry : point.values().entrySet()) {
            String metric = entry.getKey();
            if (InfluxMapping.RESERVED_NAMES.contains(metric)) {
                out.setLength(start);
                throw new IllegalArgumentException("device " + point.deviceId() + ": metric name '" + metric
                        + "' is reserved in InfluxDB (one of " + new TreeSet<>(InfluxMapping.RESERVED_NAMES) + ")");
            }
            out.append(separator);
            separator = ',';
            escapeKey(out, metric);
            out.append('=');
            switch (entry.getValue()) {
                case MetricValue.Num num -> out.append(num.value());
                case MetricValue.Bool bool -> out.append(bool.value() ? "true" : "false");
                case MetricValue.Text text -> appendString(out, text.value());
            }
        }
        out.append(' ').append(point.timestamp().toEpochMilli()).append('\n');
        return true;
    }

    /** Measurement, tag keys, tag values and field keys: backslash before comma, equals sign and space. */
    private static void escapeKey(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '=' || c == ' ') {
                out.append('\\');
            } else if (c == '\n') {
                out.append("\\n");
                continue;
            }
            out.append(c);
        }
    }

    /** String field values: in double quotes, with backslash and double quote escaped. */
    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
