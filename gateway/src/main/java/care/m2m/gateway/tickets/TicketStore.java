package care.m2m.gateway.tickets;

import care.m2m.gateway.value.Priority;
import care.m2m.gateway.value.Quadrant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tickets, their faults and notes in the records database. Every method takes the caller's connection so a
 * ticket change, its note and its outbox event commit together. The unique {@code open_key} (the device id,
 * set until the ticket is closed) makes "one ticket per device and problem" a rule of the database.
 */
final class TicketStore {

    static final String COLUMNS = "id, device_id, model, firmware, customer_ref, location, region, contact_preference,"
            + " status, priority, quadrant, monetary_value, emotional_value, reasons, telemetry_json, first_fault_at,"
            + " opened_at, updated_at, due_at, resolved_at, closed_at, auto_resolved, reopen_count, outcome, outcome_note";

    /** A fault grouped on a ticket, with its state from the faults table (null when not written yet). */
    record LinkedFault(String faultId, String code, String status, Instant clearedAt) {
    }

    void insert(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tickets (" + COLUMNS + ", open_key) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.deviceId());
            ps.setString(3, t.model());
            ps.setString(4, t.firmware());
            ps.setString(5, t.customerRef());
            ps.setString(6, t.location());
            ps.setString(7, t.region());
            ps.setString(8, t.contactPreference());
            ps.setString(9, t.status().name());
            ps.setString(10, t.priority().name());
            ps.setString(11, t.quadrant().name());
            ps.setDouble(12, t.monetary());
            ps.setDouble(13, t.emotional());
            ps.setString(14, String.join("\n", t.reasons()));
            ps.setString(15, t.telemetryJson());
            ps.setTimestamp(16, ts(t.firstFaultAt()));
            ps.setTimestamp(17, ts(t.openedAt()));
            ps.setTimestamp(18, ts(t.updatedAt()));
            ps.setTimestamp(19, ts(t.dueAt()));
            ps.setTimestamp(20, ts(t.resolvedAt()));
            ps.setTimestamp(21, ts(t.closedAt()));
            ps.setBoolean(22, t.autoResolved());
            ps.setInt(23, t.reopenCount());
            ps.setString(24, t.outcome() == null ? null : t.outcome().name());
            ps.setString(25, t.outcomeNote());
            ps.setString(26, openKey(t));
            ps.executeUpdate();
        }
    }

    void update(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tickets SET status = ?, priority = ?, quadrant = ?,"
                + " monetary_value = ?, emotional_value = ?, reasons = ?, updated_at = ?, due_at = ?, resolved_at = ?,"
                + " closed_at = ?, auto_resolved = ?, reopen_count = ?, outcome = ?, outcome_note = ?, open_key = ?"
                + " WHERE id = ?")) {
            ps.setString(1, t.status().name());
            ps.setString(2, t.priority().name());
            ps.setString(3, t.quadrant().name());
            ps.setDouble(4, t.monetary());
            ps.setDouble(5, t.emotional());
            ps.setString(6, String.join("\n", t.reasons()));
            ps.setTimestamp(7, ts(t.updatedAt()));
            ps.setTimestamp(8, ts(t.dueAt()));
            ps.setTimestamp(9, ts(t.resolvedAt()));
            ps.setTimestamp(10, ts(t.closedAt()));
            ps.setBoolean(11, t.autoResolved());
            ps.setInt(12, t.reopenCount());
            ps.setString(13, t.outcome() == null ? null : t.outcome().name());
            ps.setString(14, t.outcomeNote());
            ps.setString(15, openKey(t));
            ps.setString(16, t.id());
            ps.executeUpdate();
        }
    }

    private static String openKey(Ticket t) {
        return t.status() == Ticket.Status.CLOSED ? null : t.deviceId();
    }

    /** The device's ticket that is not closed yet, if any. */
    Optional<Ticket> activeOfDevice(Connection c, String deviceId) throws SQLException {
        List<Ticket> found = select(c, "SELECT " + COLUMNS + " FROM tickets WHERE open_key = ?", deviceId);
        return found.stream().findFirst();
    }

    Optional<Ticket> find(Connection c, String id) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM tickets WHERE id = ?", id).stream().findFirst();
    }

    /** Groups a fault on the ticket; false when it already was. */
    boolean link(Connection c, String ticketId, String faultId, String code, Instant at) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM ticket_faults WHERE ticket_id = ? AND fault_id = ?")) {
            check.setString(1, ticketId);
            check.setString(2, faultId);
            try (ResultSet rs = check.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_faults (ticket_id, fault_id, code, added_at)"
                + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, ticketId);
            ps.setString(2, faultId);
            ps.setString(3, code);
            ps.setTimestamp(4, ts(at));
            ps.executeUpdate();
        }
        return true;
    }

    List<LinkedFault> faults(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tf.fault_id, tf.code, f.status, f.cleared_at"
                + " FROM ticket_faults tf LEFT JOIN faults f ON f.id = tf.fault_id WHERE tf.ticket_id = ? ORDER BY tf.added_at")) {
            ps.setString(1, ticketId);
            List<LinkedFault> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp cleared = rs.getTimestamp(4);
                    list.add(new LinkedFault(rs.getString(1), rs.getString(2), rs.getString(3),
                            cleared == null ? null : cleared.toInstant()));
                }
            }
            return list;
        }
    }

    /** The active ticket a fault is grouped on, if any. */
    Optional<String> activeTicketOfFault(Connection c, String faultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id FROM ticket_faults tf JOIN tickets t ON t.id = tf.ticket_id"
                + " WHERE tf.fault_id = ? AND t.open_key IS NOT NULL")) {
            ps.setString(1, faultId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A step or decision: on a ticket, on a fault without a ticket, or both. */
    void note(Connection c, String deviceId, String ticketId, String faultId, Instant at, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_notes (device_id, ticket_id, fault_id, at, text)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, deviceId);
            ps.setString(2, ticketId);
            ps.setString(3, faultId);
            ps.setTimestamp(4, ts(at));
            ps.setString(5, text.length() <= 1024 ? text : text.substring(0, 1021) + "...");
            ps.executeUpdate();
        }
    }

    /** A ticket's notes in order, including the decisions on its faults from before it existed. */
    List<Note> notes(Connection c, String ticketId) throws SQLException {
        return notes(c, "SELECT at, ticket_id, fault_id, text FROM ticket_notes WHERE ticket_id = ? OR (ticket_id IS NULL"
                + " AND fault_id IN (SELECT fault_id FROM ticket_faults WHERE ticket_id = ?)) ORDER BY id", ticketId, ticketId);
    }

    /** Every ticket-rung decision about a device, newest first. */
    List<Note> notesOfDevice(Connection c, String deviceId, int limit) throws SQLException {
        return notes(c, "SELECT at, ticket_id, fault_id, text FROM ticket_notes WHERE device_id = ? ORDER BY id DESC LIMIT "
                + limit, deviceId);
    }

    /** One note. */
    record Note(Instant at, String ticketId, String faultId, String text) {
    }

    private static List<Note> notes(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Note> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Note(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return list;
        }
    }

    /** Tickets by status (null: all but closed), optional priority and region, earliest due first. */
    List<Ticket> queue(Connection c, Ticket.Status status, Priority priority, String region, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tickets WHERE ");
        List<String> args = new ArrayList<>();
        if (status == null) {
            sql.append("status <> 'CLOSED'");
        } else {
            sql.append("status = ?");
            args.add(status.name());
        }
        if (priority != null) {
            sql.append(" AND priority = ?");
            args.add(priority.name());
        }
        if (region != null) {
            sql.append(" AND region = ?");
            args.add(region);
        }
        sql.append(" ORDER BY due_at, id LIMIT ").append(limit);
        return select(c, sql.toString(), args.toArray(String[]::new));
    }

    /** Tickets in one of the statuses (for the sweep). */
    List<Ticket> withStatus(Connection c, Ticket.Status... statuses) throws SQLException {
        String in = String.join(", ", Arrays.stream(statuses).map(s -> "'" + s.name() + "'").toList());
        return select(c, "SELECT " + COLUMNS + " FROM tickets WHERE status IN (" + in + ")");
    }

    private static List<Ticket> select(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Ticket> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        }
    }

    private static Ticket read(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        String outcome = rs.getString("outcome");
        return new Ticket(rs.getString("id"), rs.getString("device_id"), rs.getString("model"), rs.getString("firmware"),
                rs.getString("customer_ref"), rs.getString("location"), rs.getString("region"),
                rs.getString("contact_preference"), Ticket.Status.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")), Quadrant.valueOf(rs.getString("quadrant")),
                rs.getDouble("monetary_value"), rs.getDouble("emotional_value"),
                reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")), rs.getString("telemetry_json"),
                instant(rs, "first_fault_at"), instant(rs, "opened_at"), instant(rs, "updated_at"), instant(rs, "due_at"),
                instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getBoolean("auto_resolved"),
                rs.getInt("reopen_count"), outcome == null ? null : Ticket.Outcome.valueOf(outcome),
                rs.getString("outcome_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
