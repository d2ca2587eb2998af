package care.m2m.gateway.web;

import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.repair.RepairAttempt;
import care.m2m.gateway.repair.RepairAttemptStore;
import care.m2m.gateway.repair.RepairAttemptStore.RepairSummary;
import care.m2m.gateway.tickets.TicketReports;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The numbers an operator watches, gathered from the same sources as {@code /metrics} and the report APIs:
 * devices online, the ingest rate (from the accepted-telemetry counter between two looks), faults by code,
 * self-repair success per fault code, tickets and tips. Blocking (SQL): call from a worker.
 */
final class FleetNumbers {

    private static final String ACCEPTED = "m2mcare.telemetry.accepted";

    private final RecordsDatabase records;
    private final MeterRegistry meters;
    private final RepairAttemptStore attempts;
    private final TicketReports tickets;
    private final IntSupplier online;
    private final Clock clock;
    private Instant lastLook;
    private double lastAccepted;

    FleetNumbers(RecordsDatabase records, MeterRegistry meters, IntSupplier online, Clock clock) {
        this.records = records;
        this.meters = meters;
        this.attempts = new RepairAttemptStore(records);
        this.tickets = new TicketReports(records);
        this.online = online;
        this.clock = clock;
        this.lastLook = clock.instant();
    }

    synchronized Map<String, Object> now() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("online", online.getAsInt());
        m.put("registered", count("SELECT COUNT(*) FROM devices"));
        double accepted = meters.find(ACCEPTED).counters().stream().mapToDouble(Counter::count).sum();
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(lastLook, now).toMillis() / 1000.0);
        m.put("accepted", (long) accepted);
        m.put("ingestRate", String.format(Locale.ROOT, "%.1f", Math.max(0, accepted - lastAccepted) / seconds));
        lastLook = now;
        lastAccepted = accepted;
        Map<String, Long> faults = new TreeMap<>();
        meters.find("m2mcare.faults.raised").counters().forEach(c -> faults.merge(
                String.valueOf(c.getId().getTag("code")), (long) c.count(), Long::sum));
        List<Map<String, Object>> faultRows = new ArrayList<>();
        faults.forEach((code, n) -> faultRows.add(Map.of("code", code, "count", n)));
        m.put("faults", faultRows);
        m.put("repairs", repairs());
        JsonObject report = tickets.service();
        m.put("contactsPrevented", report.getLong("contactsPrevented", 0L));
        m.put("ticketsByQuadrant", Templates.plain(report.getJsonObject("ticketsByQuadrant", new JsonObject())));
        m.put("ticketsByStatus", Templates.plain(report.getJsonObject("ticketsByStatus", new JsonObject())));
        m.put("tips", grouped("SELECT state, COUNT(*) FROM tips GROUP BY state ORDER BY state"));
        m.put("at", CustomerView.time(now));
        return m;
    }

    /** Per fault code: attempts, verified, and the share verified among the decided ones. */
    private List<Map<String, Object>> repairs() {
        Map<String, long[]> byCode = new TreeMap<>();
        for (RepairSummary row : attempts.summary()) {
            long[] n = byCode.computeIfAbsent(row.faultCode(), k -> new long[3]);
            n[0] += row.count();
            if (row.outcome() == RepairAttempt.Outcome.VERIFIED) {
                n[1] += row.count();
            }
            if (row.outcome() == RepairAttempt.Outcome.PENDING) {
                n[2] += row.count();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byCode.forEach((code, n) -> {
            long decided = n[0] - n[2];
            rows.add(Map.of("code", code, "attempts", n[0], "verified", n[1],
                    "rate", decided == 0 ? "pending" : Math.round(100.0 * n[1] / decided) + " %"));
        });
        return rows;
    }

    private long count(String sql) {
        try (Connection c = records.connection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count: " + e.getMessage(), e);
        }
    }

    private List<Map<String, Object>> grouped(String sql) {
        try (Connection c = records.connection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(Map.of("name", rs.getString(1).toLowerCase(Locale.ROOT), "count", rs.getLong(2)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count tips: " + e.getMessage(), e);
        }
    }
}
