package care.m2m.gateway.repair;

import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repair-effect experiment in the records database: each fault's arm (written once), and each assigned
 * fault's course read back with the faults table for the measurement. Blocking JDBC: call from a worker.
 */
public final class RepairAssignmentStore {

    /** The most assignments one measurement reads. */
    public static final int MAX_ROWS = 100_000;

    private final RecordsDatabase db;

    public RepairAssignmentStore(RecordsDatabase db) {
        this.db = db;
    }

    /** Saves the assignment unless the fault has one already (a reopened or restored fault keeps its arm). */
    public void save(RepairAssignment a) {
        String sql = "INSERT INTO repair_assignments (fault_id, device_id, fault_code, arm, share, assigned_at)"
                + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM repair_assignments WHERE fault_id = ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a.faultId());
            ps.setString(2, a.deviceId());
            ps.setString(3, a.faultCode());
            ps.setString(4, a.arm().name());
            ps.setDouble(5, a.share());
            ps.setTimestamp(6, Timestamp.from(a.assignedAt()));
            ps.setString(7, a.faultId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the repair assignment of fault " + a.faultId() + ": "
                    + e.getMessage(), e);
        }
    }

    public Optional<RepairAssignment.Arm> armOf(String faultId) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT arm FROM repair_assignments WHERE fault_id = ?")) {
            ps.setString(1, faultId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RepairAssignment.Arm.valueOf(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the repair assignment of fault " + faultId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * One assigned fault's course: when it was first seen and cleared, whether it flapped, and when the same
     * device next raised the same code as a new fault (null: not yet).
     */
    public record Course(String faultId, String faultCode, RepairAssignment.Arm arm, Instant assignedAt,
            Instant firstSeen, Instant clearedAt, int flapCount, Instant nextSameFault) {

        /** Came back within the horizon: reopened within the flap window, or raised again as a new fault. */
        public boolean repeated(Duration horizon) {
            return flapCount > 0 || nextSameFault != null && !nextSameFault.isAfter(assignedAt.plus(horizon));
        }

        /** Hours from first seen to cleared, capped at the horizon (a fault still active counts the horizon). */
        public double hoursToClear(Duration horizon) {
            Duration capped = clearedAt == null || clearedAt.isAfter(firstSeen.plus(horizon)) ? horizon
                    : Duration.between(firstSeen, clearedAt);
            return capped.toMillis() / 3_600_000.0;
        }
    }

    /** The courses of faults assigned no later than {@code assignedBy}, of one code or (null) all, oldest first. */
    public List<Course> courses(Instant assignedBy, String faultCode) {
        String sql = "SELECT a.fault_id, a.fault_code, a.arm, a.assigned_at, f.first_seen, f.cleared_at, f.flap_count,"
                + " (SELECT MIN(g.first_seen) FROM faults g WHERE g.device_id = a.device_id AND g.code = a.fault_code"
                + " AND g.id <> a.fault_id AND g.first_seen > f.first_seen) AS next_same"
                + " FROM repair_assignments a JOIN faults f ON f.id = a.fault_id WHERE a.assigned_at <= ?"
                + (faultCode == null ? "" : " AND a.fault_code = ?")
                + " ORDER BY a.assigned_at LIMIT " + MAX_ROWS;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(assignedBy));
            if (faultCode != null) {
                ps.setString(2, faultCode);
            }
            List<Course> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Course(rs.getString(1), rs.getString(2), RepairAssignment.Arm.valueOf(rs.getString(3)),
                            instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getInt(7), instant(rs, 8)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the repair experiment: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
