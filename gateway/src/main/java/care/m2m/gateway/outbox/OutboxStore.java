package care.m2m.gateway.outbox;

import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table. {@link #append} takes the caller's connection so the event commits (or rolls back)
 * with the ticket change that caused it; the rest is for the sender. Blocking JDBC: call it on a worker.
 */
public final class OutboxStore {

    private final RecordsDatabase db;

    public OutboxStore(RecordsDatabase db) {
        this.db = db;
    }

    /** A fresh event id: the idempotency key the receiver sees. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Adds an event within the caller's transaction. */
    public void append(Connection c, String id, String ticketId, String type, String payload, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, ticket_id, event_type, payload,"
                + " created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            ps.setString(1, id);
            ps.setString(2, ticketId);
            ps.setString(3, type);
            ps.setString(4, payload);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** Undelivered events, oldest first. */
    public List<OutboxEvent> pending(int limit) {
        return select("SELECT seq, id, ticket_id, event_type, payload, created_at, attempts, next_attempt_at,"
                + " delivered_at FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT " + limit, null);
    }

    /** Every event of one ticket, oldest first (for the API and tests). */
    public List<OutboxEvent> ofTicket(String ticketId) {
        return select("SELECT seq, id, ticket_id, event_type, payload, created_at, attempts, next_attempt_at,"
                + " delivered_at FROM outbox WHERE ticket_id = ? ORDER BY seq", ticketId);
    }

    /**
     * Claims a due event for one sending attempt: moves its next attempt to {@code leaseUntil}, but only if
     * nobody changed it since it was read. Of two senders (a short overlap of two cluster leaders) only one
     * gets {@code true}, so an event is never posted twice at once; a sender that dies after claiming leaves
     * the event to be retried when the lease ends.
     */
    public boolean claim(String id, Instant readNextAttempt, Instant leaseUntil) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND delivered_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(leaseUntil));
            ps.setString(2, id);
            ps.setTimestamp(3, Timestamp.from(readNextAttempt));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim outbox event " + id + ": " + e.getMessage(), e);
        }
    }

    public void delivered(String id, Instant at) {
        update("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?", at, null, id);
    }

    public void failed(String id, Instant nextAttempt, String error) {
        update("UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                nextAttempt, error == null || error.length() <= 256 ? error : error.substring(0, 253) + "...", id);
    }

    private void update(String sql, Instant at, String error, String id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            if (sql.contains("last_error = ?")) {
                ps.setString(2, error);
                ps.setString(3, id);
            } else {
                ps.setString(2, id);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update outbox event " + id + ": " + e.getMessage(), e);
        }
    }

    private List<OutboxEvent> select(String sql, String ticketId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (ticketId != null) {
                ps.setString(1, ticketId);
            }
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox: " + e.getMessage(), e);
        }
    }

    private static List<OutboxEvent> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<OutboxEvent> events = new ArrayList<>();
            while (rs.next()) {
                Timestamp delivered = rs.getTimestamp(9);
                events.add(new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                        delivered == null ? null : delivered.toInstant()));
            }
            return events;
        }
    }
}
