package care.m2m.gateway.store.embedded;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.TelemetryPoint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded table and its SQL: one row per (device, millisecond, metric), so that range reads of one
 * device walk the primary key in time order, a metric filter is a plain {@code IN}, and writing the same
 * reading twice replaces it instead of duplicating it (as InfluxDB does).
 */
final class TelemetryTable {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS telemetry (
                device_id  CHARACTER VARYING NOT NULL,
                ts         BIGINT NOT NULL,
                metric     CHARACTER VARYING NOT NULL,
                kind       CHARACTER(1) NOT NULL,
                num_value  DOUBLE PRECISION,
                bool_value BOOLEAN,
                text_value CHARACTER VARYING,
                model      CHARACTER VARYING NOT NULL,
                PRIMARY KEY (device_id, ts, metric)
            )""";

    static final String MERGE = "MERGE INTO telemetry (device_id, ts, metric, kind, num_value, bool_value, "
            + "text_value, model) KEY (device_id, ts, metric) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String NUM = "n";
    private static final String BOOL = "b";
    private static final String TEXT = "t";

    private TelemetryTable() {
    }

    /** Adds one MERGE per metric of the point to the batch. */
    static void addToBatch(PreparedStatement merge, TelemetryPoint point) throws SQLException {
        for (Map.Entry<String, MetricValue> metric : point.values().entrySet()) {
            merge.setString(1, point.deviceId());
            merge.setLong(2, point.timestamp().toEpochMilli());
            merge.setString(3, metric.getKey());
            merge.setNull(5, Types.DOUBLE);
            merge.setNull(6, Types.BOOLEAN);
            merge.setNull(7, Types.VARCHAR);
            switch (metric.getValue()) {
                case MetricValue.Num num -> {
                    merge.setString(4, NUM);
                    merge.setDouble(5, num.value());
                }
                case MetricValue.Bool bool -> {
                    merge.setString(4, BOOL);
                    merge.setBoolean(6, bool.value());
                }
                case MetricValue.Text text -> {
                    merge.setString(4, TEXT);
                    merge.setString(7, text.value());
                }
            }
            merge.setString(8, point.model());
            merge.addBatch();
        }
    }

    /**
     * The rows of the first {@code limit} distinct timestamps in range (having at least one selected metric),
     * in one statement so that it reads one consistent snapshot. Parameters: see {@link #bindSelect}.
     */
    static String select(int metricCount) {
        String metricFilter = metricCount == 0 ? ""
                : " AND metric IN (" + String.join(", ", Collections.nCopies(metricCount, "?")) + ")";
        return "SELECT ts, model, metric, kind, num_value, bool_value, text_value FROM telemetry"
                + " WHERE device_id = ? AND ts >= ?" + metricFilter
                + " AND ts <= (SELECT MAX(ts) FROM (SELECT DISTINCT ts FROM telemetry"
                + " WHERE device_id = ? AND ts >= ? AND ts < ?" + metricFilter
                + " ORDER BY ts FETCH FIRST ? ROWS ONLY) AS firsts)"
                + " ORDER BY ts, metric";
    }

    static void bindSelect(PreparedStatement select, String deviceId, long fromMillis, long toMillis,
                           Set<String> metrics, int limit) throws SQLException {
        int i = 1;
        select.setString(i++, deviceId);
        select.setLong(i++, fromMillis);
        for (String metric : metrics) {
            select.setString(i++, metric);
        }
        select.setString(i++, deviceId);
        select.setLong(i++, fromMillis);
        select.setLong(i++, toMillis);
        for (String metric : metrics) {
            select.setString(i++, metric);
        }
        select.setInt(i, limit);
    }

    /** Folds the rows, ordered by time, back into one point per timestamp. */
    static List<TelemetryPoint> readPoints(String deviceId, ResultSet rows) throws SQLException {
        List<TelemetryPoint> points = new ArrayList<>();
        long currentTs = 0;
        String model = null;
        Map<String, MetricValue> values = new LinkedHashMap<>();
        while (rows.next()) {
            long ts = rows.getLong(1);
            if (model != null && ts != currentTs) {
                points.add(new TelemetryPoint(deviceId, model, Instant.ofEpochMilli(currentTs), values));
                values = new LinkedHashMap<>();
            }
            currentTs = ts;
            model = rows.getString(2);
            values.put(rows.getString(3), valueOf(rows));
        }
        if (model != null) {
            points.add(new TelemetryPoint(deviceId, model, Instant.ofEpochMilli(currentTs), values));
        }
        return points;
    }

    private static MetricValue valueOf(ResultSet row) throws SQLException {
        String kind = row.getString(4);
        return switch (kind) {
            case NUM -> MetricValue.of(row.getDouble(5));
            case BOOL -> MetricValue.of(row.getBoolean(6));
            case TEXT -> MetricValue.of(row.getString(7));
            default -> throw new IllegalStateException("unknown value kind '" + kind + "' in the telemetry table");
        };
    }
}
