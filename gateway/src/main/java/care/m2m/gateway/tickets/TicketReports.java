package care.m2m.gateway.tickets;

import care.m2m.gateway.records.RecordsDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fleet figures that say whether the ladder works, computed from the records so they are the same on
 * every gateway instance and after restarts. Blocking JDBC: call it on a worker.
 */
public final class TicketReports {

    private final RecordsDatabase db;

    public TicketReports(RecordsDatabase db) {
        this.db = db;
    }

    /** Faults closed by verified self-repair that never needed a ticket. */
    public long contactsPrevented() {
        return count("SELECT COUNT(*) FROM faults f WHERE f.status = 'CLEARED' AND f.ladder = 'REPAIRED'"
                + " AND NOT EXISTS (SELECT 1 FROM ticket_faults tf WHERE tf.fault_id = f.id)");
    }

    public JsonObject service() {
        try (Connection c = db.connection()) {
            JsonObject report = new JsonObject().put("contactsPrevented", contactsPrevented());
            report.put("ticketsByQuadrant", grouped(c, "SELECT quadrant, COUNT(*) FROM tickets GROUP BY quadrant"));
            report.put("ticketsByPriority", grouped(c, "SELECT priority, COUNT(*) FROM tickets GROUP BY priority"));
            report.put("ticketsByStatus", grouped(c, "SELECT status, COUNT(*) FROM tickets GROUP BY status"));
            report.put("autoResolved", count("SELECT COUNT(*) FROM tickets WHERE auto_resolved = TRUE"));
            long n = 0;
            long totalMillis = 0;
            long maxMillis = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT first_fault_at, opened_at FROM tickets");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long millis = Math.max(0, Duration.between(rs.getTimestamp(1).toInstant(),
                            rs.getTimestamp(2).toInstant()).toMillis());
                    n++;
                    totalMillis += millis;
                    maxMillis = Math.max(maxMillis, millis);
                }
            }
            report.put("faultToTicketSeconds", new JsonObject().put("tickets", n)
                    .put("average", n == 0 ? null : totalMillis / 1000.0 / n).put("max", n == 0 ? null : maxMillis / 1000.0));
            report.put("outcomesByFaultCode", outcomes(c));
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("could not compute the service report: " + e.getMessage(), e);
        }
    }

    private static JsonArray outcomes(Connection c) throws SQLException {
        Map<String, JsonObject> byCode = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tf.code, t.outcome, COUNT(DISTINCT t.id) FROM tickets t"
                + " JOIN ticket_faults tf ON tf.ticket_id = t.id WHERE t.outcome IS NOT NULL"
                + " GROUP BY tf.code, t.outcome ORDER BY tf.code"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonObject entry = byCode.computeIfAbsent(rs.getString(1), code -> new JsonObject().put("faultCode", code)
                        .put("tickets", 0L).put("outcomes", new JsonObject()));
                entry.put("tickets", entry.getLong("tickets") + rs.getLong(3));
                entry.getJsonObject("outcomes").put(rs.getString(2), rs.getLong(3));
            }
        }
        JsonArray items = new JsonArray();
        byCode.values().forEach(e -> {
            long falseAlarms = e.getJsonObject("outcomes").getLong(Ticket.Outcome.NO_FAULT_FOUND.name(), 0L);
            items.add(e.put("falseAlarmRate", (double) falseAlarms / e.getLong("tickets")));
        });
        return items;
    }

    private static JsonObject grouped(Connection c, String sql) throws SQLException {
        JsonObject counts = new JsonObject();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private long count(String sql) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count: " + e.getMessage(), e);
        }
    }
}
