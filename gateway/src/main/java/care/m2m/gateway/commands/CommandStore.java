package care.m2m.gateway.commands;

import care.m2m.gateway.records.RecordsDatabase;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Commands in the records database: the durable queue that survives restarts. Blocking JDBC. */
public final class CommandStore {

    private static final String COLUMNS = "id, device_id, action, params_json, origin, fault_id, status, created_at,"
            + " expires_at, send_count, max_sends, sent_at, delivered_at, completed_at, result_code, result_text, updated_at";

    private final RecordsDatabase db;

    public CommandStore(RecordsDatabase db) {
        this.db = db;
    }

    public void save(CommandRecord c) {
        try (Connection conn = db.connection()) {
            int updated;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE commands SET status = ?, send_count = ?,"
                    + " sent_at = ?, delivered_at = ?, completed_at = ?, result_code = ?, result_text = ?, updated_at = ?"
                    + " WHERE id = ?")) {
                ps.setString(1, c.status().name());
                ps.setInt(2, c.sendCount());
                ps.setTimestamp(3, ts(c.sentAt()));
                ps.setTimestamp(4, ts(c.deliveredAt()));
                ps.setTimestamp(5, ts(c.completedAt()));
                if (c.resultCode() == null) {
                    ps.setNull(6, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(6, c.resultCode());
                }
                ps.setString(7, c.resultText());
                ps.setTimestamp(8, ts(c.updatedAt()));
                ps.setString(9, c.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                insert(conn, c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save command " + c.id() + ": " + e.getMessage(), e);
        }
    }

    private static void insert(Connection conn, CommandRecord c) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO commands (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, c.id());
            ps.setString(2, c.deviceId());
            ps.setString(3, c.action());
            ps.setString(4, c.params().isEmpty() ? null : new JsonObject(c.params()).encode());
            ps.setString(5, c.origin().name());
            ps.setString(6, c.faultId());
            ps.setString(7, c.status().name());
            ps.setTimestamp(8, ts(c.createdAt()));
            ps.setTimestamp(9, ts(c.expiresAt()));
            ps.setInt(10, c.sendCount());
            ps.setInt(11, c.maxSends());
            ps.setTimestamp(12, ts(c.sentAt()));
            ps.setTimestamp(13, ts(c.deliveredAt()));
            ps.setTimestamp(14, ts(c.completedAt()));
            if (c.resultCode() == null) {
                ps.setNull(15, java.sql.Types.INTEGER);
            } else {
                ps.setInt(15, c.resultCode());
            }
            ps.setString(16, c.resultText());
            ps.setTimestamp(17, ts(c.updatedAt()));
            ps.executeUpdate();
        }
    }

    /** Every command that is not final yet: what a restarted gateway must carry on with. */
    public List<CommandRecord> open() {
        return select("SELECT " + COLUMNS + " FROM commands WHERE status IN ('QUEUED','SENT','DELIVERED','ACCEPTED')"
                + " ORDER BY created_at", null);
    }

    /** Commands of one device, newest first. */
    public List<CommandRecord> ofDevice(String deviceId, int limit) {
        return select("SELECT " + COLUMNS + " FROM commands WHERE device_id = ? ORDER BY created_at DESC LIMIT " + limit,
                deviceId);
    }

    private List<CommandRecord> select(String sql, String deviceId) {
        try (Connection conn = db.connection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            if (deviceId != null) {
                ps.setString(1, deviceId);
            }
            List<CommandRecord> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read commands: " + e.getMessage(), e);
        }
    }

    private static CommandRecord read(ResultSet rs) throws SQLException {
        String params = rs.getString("params_json");
        int code = rs.getInt("result_code");
        Integer resultCode = rs.wasNull() ? null : code;
        return new CommandRecord(rs.getString("id"), rs.getString("device_id"), rs.getString("action"),
                params == null ? null : new JsonObject(params).getMap(),
                CommandRecord.Origin.valueOf(rs.getString("origin")), rs.getString("fault_id"),
                CommandRecord.Status.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "expires_at"), rs.getInt("send_count"), rs.getInt("max_sends"), instant(rs, "sent_at"),
                instant(rs, "delivered_at"), instant(rs, "completed_at"), resultCode, rs.getString("result_text"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
