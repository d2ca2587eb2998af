package care.m2m.gateway.store.influx;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.MetricSpec;
import care.m2m.gateway.store.TelemetryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.influxdb.dto.QueryResult;

/**
 * How telemetry is laid out in InfluxDB, in one place: measurement {@code telemetry}, tags {@code device} and
 * {@code model}, one field per metric (numbers as floats, booleans, texts as strings), millisecond times.
 * Metric names that would collide with the tags or with InfluxDB's {@code time} are refused: InfluxDB would
 * silently store them beside the tag and make every later query ambiguous.
 */
final class InfluxMapping {

    static final String MEASUREMENT = "telemetry";
    static final String DEVICE_TAG = "device";
    static final String MODEL_TAG = "model";
    /** The contract refuses these metric names in device models already; kept here for points from elsewhere. */
    static final Set<String> RESERVED_NAMES = MetricSpec.RESERVED_NAMES;

    /** InfluxDB's own bounds for timestamps (nanoseconds since the epoch). */
    private static final long MIN_NANOS = Long.MIN_VALUE + 2;
    private static final long MAX_NANOS = Long.MAX_VALUE - 1;

    private InfluxMapping() {
    }

    /** The SELECT list: every field, or only the named metrics, plus the model tag. */
    static String selection(Set<String> metrics) {
        if (metrics.isEmpty()) {
            return "*::field, " + quote(MODEL_TAG) + "::tag";
        }
        StringBuilder select = new StringBuilder();
        for (String metric : new TreeSet<>(metrics)) {
            select.append(quote(metric)).append("::field, ");
        }
        return select.append(quote(MODEL_TAG)).append("::tag").toString();
    }

    /** An InfluxQL identifier in double quotes, escaped so that no name can end the quote early. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The instant as nanoseconds since the epoch, clamped to what InfluxDB accepts. */
    static long nanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= MAX_NANOS / 1_000_000_000L) {
            return MAX_NANOS;
        }
        if (seconds <= MIN_NANOS / 1_000_000_000L) {
            return MIN_NANOS;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }

    /** Rebuilds the points of one device from a result read with millisecond epoch times. */
    static List<TelemetryPoint> fromResult(String deviceId, QueryResult.Result result) {
        List<TelemetryPoint> points = new ArrayList<>();
        if (result.getSeries() == null) {
            return points;
        }
        for (QueryResult.Series series : result.getSeries()) {
            List<String> columns = series.getColumns();
            for (List<Object> row : series.getValues()) {
                points.add(fromRow(deviceId, columns, row));
            }
        }
        return points;
    }

    private static TelemetryPoint fromRow(String deviceId, List<String> columns, List<Object> row) {
        Instant timestamp = null;
        String model = "";
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            Object raw = row.get(i);
            if (raw == null) {
                continue;
            }
            if ("time".equals(column)) {
                timestamp = Instant.ofEpochMilli(((Number) raw).longValue());
            } else if (MODEL_TAG.equals(column)) {
                model = raw.toString();
            } else {
                values.put(column, toValue(raw));
            }
        }
        if (timestamp == null) {
            throw new IllegalStateException("InfluxDB answered a row without time for device " + deviceId);
        }
        return new TelemetryPoint(deviceId, model, timestamp, values);
    }

    private static MetricValue toValue(Object raw) {
        return switch (raw) {
            case Number number -> MetricValue.of(number.doubleValue());
            case Boolean bool -> MetricValue.of(bool);
            default -> MetricValue.of(raw.toString());
        };
    }
}
