package care.m2m.gateway.events;

import care.m2m.gateway.records.RecordsDatabase;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Device events and command results as durable records, the history that diagnosis, tickets and the
 * customer's timeline read. {@link #append} completes only after the row is committed.
 */
public final class DeviceEventLog {

    /** One stored event row. */
    public record Entry(String deviceId, Instant occurredAt, Instant receivedAt, String kind, String code,
            String text, Map<String, Object> data) {
    }

    private final RecordsDatabase db;
    private final WorkerExecutor workers;

    public DeviceEventLog(RecordsDatabase db, WorkerExecutor workers) {
        this.db = db;
        this.workers = workers;
    }

    public Future<Void> append(Entry entry) {
        return workers.executeBlocking(() -> {
            insert(entry);
            return null;
        }, false);
    }

    /** The newest events of a device, newest first. */
    public Future<List<Entry>> recent(String deviceId, int limit) {
        return workers.executeBlocking(() -> select(deviceId, limit), false);
    }

    /** Blocking reads, for code that already runs on a worker. */
    public interface Reader {
        List<Entry> recentBlocking(String deviceId, int limit);
    }

    public Reader reader() {
        return (deviceId, limit) -> {
            try {
                return select(deviceId, limit);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read events of " + deviceId + ": " + e.getMessage(), e);
            }
        };
    }

    private void insert(Entry e) throws SQLException {
        String sql = "INSERT INTO device_events (device_id, occurred_at, received_at, kind, code, text, data_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.deviceId());
            ps.setTimestamp(2, Timestamp.from(e.occurredAt()));
            ps.setTimestamp(3, Timestamp.from(e.receivedAt()));
            ps.setString(4, e.kind());
            ps.setString(5, e.code());
            ps.setString(6, e.text());
            ps.setString(7, e.data() == null || e.data().isEmpty() ? null : new JsonObject(e.data()).encode());
            ps.executeUpdate();
        }
    }

    private List<Entry> select(String deviceId, int limit) throws SQLException {
        String sql = "SELECT device_id, occurred_at, received_at, kind, code, text, data_json FROM device_events"
                + " WHERE device_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            ps.setInt(2, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String json = rs.getString("data_json");
                    entries.add(new Entry(rs.getString("device_id"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getTimestamp("received_at").toInstant(), rs.getString("kind"), rs.getString("code"),
                            rs.getString("text"), json == null ? Map.of() : new JsonObject(json).getMap()));
                }
            }
            return entries;
        }
    }
}
