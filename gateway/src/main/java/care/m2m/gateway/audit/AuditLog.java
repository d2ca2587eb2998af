package care.m2m.gateway.audit;

import care.m2m.gateway.records.RecordsDatabase;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Audit entries in the records database; appends run on a worker, in order. */
public final class AuditLog {

    /** One recorded action. */
    public record Entry(Instant at, String actor, String action, String target, int status, String address) {
    }

    private final RecordsDatabase db;
    private final WorkerExecutor workers;

    public AuditLog(RecordsDatabase db, WorkerExecutor workers) {
        this.db = db;
        this.workers = workers;
    }

    public Future<Void> append(Entry e) {
        return workers.executeBlocking(() -> {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, target, status, address) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                ps.setString(2, cut(e.actor(), 160));
                ps.setString(3, cut(e.action(), 16));
                ps.setString(4, cut(e.target(), 256));
                ps.setInt(5, e.status());
                ps.setString(6, cut(e.address(), 64));
                ps.executeUpdate();
            }
            return null;
        }, true);
    }

    /** The newest entries, newest first. */
    public Future<List<Entry>> recent(int limit) {
        return workers.executeBlocking(() -> {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, action, target, status, address FROM audit_log ORDER BY id DESC LIMIT " + limit);
                    ResultSet rs = ps.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getString(6)));
                }
                return entries;
            }
        }, false);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
