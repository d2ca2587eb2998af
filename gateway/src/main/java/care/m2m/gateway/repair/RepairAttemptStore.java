package care.m2m.gateway.repair;

import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Repair attempts in the records database, and the per-fault-code summary of what self-repair achieves. */
public final class RepairAttemptStore {

    private final RecordsDatabase db;

    public RepairAttemptStore(RecordsDatabase db) {
        this.db = db;
    }

    public void save(RepairAttempt a) {
        try (Connection c = db.connection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE repair_attempts SET finished_at = ?, outcome = ? WHERE id = ?")) {
                ps.setTimestamp(1, a.finishedAt() == null ? null : Timestamp.from(a.finishedAt()));
                ps.setString(2, a.outcome().name());
                ps.setString(3, a.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO repair_attempts (id, fault_id, device_id,"
                        + " fault_code, action, command_id, attempt, started_at, finished_at, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, a.id());
                    ps.setString(2, a.faultId());
                    ps.setString(3, a.deviceId());
                    ps.setString(4, a.faultCode());
                    ps.setString(5, a.action());
                    ps.setString(6, a.commandId());
                    ps.setInt(7, a.attempt());
                    ps.setTimestamp(8, Timestamp.from(a.startedAt()));
                    ps.setTimestamp(9, a.finishedAt() == null ? null : Timestamp.from(a.finishedAt()));
                    ps.setString(10, a.outcome().name());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save repair attempt " + a.id() + ": " + e.getMessage(), e);
        }
    }

    /** Marks attempts that were pending when the gateway stopped; returns how many. */
    public int interruptPending() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE repair_attempts SET outcome = 'INTERRUPTED', finished_at = CURRENT_TIMESTAMP WHERE outcome = 'PENDING'")) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not close pending repair attempts: " + e.getMessage(), e);
        }
    }

    public List<RepairAttempt> ofFault(String faultId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT id, fault_id, device_id,"
                + " fault_code, action, command_id, attempt, started_at, finished_at, outcome FROM repair_attempts"
                + " WHERE fault_id = ? ORDER BY attempt")) {
            ps.setString(1, faultId);
            List<RepairAttempt> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    list.add(new RepairAttempt(rs.getString("id"), rs.getString("fault_id"), rs.getString("device_id"),
                            rs.getString("fault_code"), rs.getString("action"), rs.getString("command_id"),
                            rs.getInt("attempt"), rs.getTimestamp("started_at").toInstant(),
                            finished == null ? null : finished.toInstant(), RepairAttempt.Outcome.valueOf(rs.getString("outcome"))));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read repair attempts: " + e.getMessage(), e);
        }
    }

    /** Per fault code and action: attempts by outcome, across the fleet. */
    public List<RepairSummary> summary() {
        String sql = "SELECT fault_code, action, outcome, COUNT(*) AS n FROM repair_attempts"
                + " GROUP BY fault_code, action, outcome ORDER BY fault_code, action";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<RepairSummary> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new RepairSummary(rs.getString("fault_code"), rs.getString("action"),
                        RepairAttempt.Outcome.valueOf(rs.getString("outcome")), rs.getLong("n")));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not summarise repairs: " + e.getMessage(), e);
        }
    }

    /** One row of the fleet summary. */
    public record RepairSummary(String faultCode, String action, RepairAttempt.Outcome outcome, long count) {
    }
}
