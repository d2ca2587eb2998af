package care.m2m.gateway.diagnosis;

import care.m2m.contracts.models.FaultSpec.Severity;
import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults in the records database. Blocking JDBC, called in order from one worker so that a fault's rows are
 * written in the order its changes happened. The unique {@code active_key} column makes "one active fault per
 * device and code" a rule of the database, not only of memory.
 */
public final class FaultStore {

    private static final String COLUMNS = "id, device_id, model, code, severity, status, source, detail, first_seen,"
            + " last_seen, cleared_at, occurrences, flap_count, flapping, ladder, ladder_note";

    private final RecordsDatabase db;

    public FaultStore(RecordsDatabase db) {
        this.db = db;
    }

    /** Inserts or replaces the fault's row. */
    public void save(Fault f) {
        try (Connection c = db.connection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE faults SET severity = ?, status = ?, source = ?,"
                    + " detail = ?, first_seen = ?, last_seen = ?, cleared_at = ?, occurrences = ?, flap_count = ?,"
                    + " flapping = ?, ladder = ?, ladder_note = ?, active_key = ? WHERE id = ?")) {
                bindState(ps, f, 1);
                ps.setString(14, f.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO faults (severity, status, source, detail,"
                        + " first_seen, last_seen, cleared_at, occurrences, flap_count, flapping, ladder, ladder_note,"
                        + " active_key, id, device_id, model, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bindState(ps, f, 1);
                    ps.setString(14, f.id());
                    ps.setString(15, f.deviceId());
                    ps.setString(16, f.model());
                    ps.setString(17, f.code());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save fault " + f.code() + " of " + f.deviceId() + ": " + e.getMessage(), e);
        }
    }

    public List<Fault> active() {
        return select("SELECT " + COLUMNS + " FROM faults WHERE status = 'ACTIVE'", null, Integer.MAX_VALUE);
    }

    /** Faults of one device, newest first. */
    public List<Fault> ofDevice(String deviceId, int limit) {
        return select("SELECT " + COLUMNS + " FROM faults WHERE device_id = ? ORDER BY first_seen DESC LIMIT " + limit,
                deviceId, limit);
    }

    private List<Fault> select(String sql, String deviceId, int limit) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (deviceId != null) {
                ps.setString(1, deviceId);
            }
            List<Fault> faults = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && faults.size() < limit) {
                    faults.add(read(rs));
                }
            }
            return faults;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read faults: " + e.getMessage(), e);
        }
    }

    private static void bindState(PreparedStatement ps, Fault f, int i) throws SQLException {
        ps.setString(i, f.severity().name());
        ps.setString(i + 1, f.status().name());
        ps.setString(i + 2, f.source().name());
        ps.setString(i + 3, truncate(f.detail()));
        ps.setTimestamp(i + 4, Timestamp.from(f.firstSeen()));
        ps.setTimestamp(i + 5, Timestamp.from(f.lastSeen()));
        ps.setTimestamp(i + 6, f.clearedAt() == null ? null : Timestamp.from(f.clearedAt()));
        ps.setInt(i + 7, f.occurrences());
        ps.setInt(i + 8, f.flapCount());
        ps.setBoolean(i + 9, f.flapping());
        ps.setString(i + 10, f.ladder().name());
        ps.setString(i + 11, truncate(f.ladderNote()));
        ps.setString(i + 12, f.active() ? f.key() : null);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 512 ? text : text.substring(0, 509) + "...";
    }

    private static Fault read(ResultSet rs) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new Fault(rs.getString("id"), rs.getString("device_id"), rs.getString("model"), rs.getString("code"),
                Severity.valueOf(rs.getString("severity")), Fault.Status.valueOf(rs.getString("status")),
                FaultSignal.Source.valueOf(rs.getString("source")), rs.getString("detail"),
                rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                cleared == null ? null : cleared.toInstant(), rs.getInt("occurrences"), rs.getInt("flap_count"),
                rs.getBoolean("flapping"), Fault.Ladder.valueOf(rs.getString("ladder")), rs.getString("ladder_note"));
    }
}
