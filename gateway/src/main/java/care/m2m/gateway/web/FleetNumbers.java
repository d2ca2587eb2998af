package care.m2m.gateway.web;

import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.tips.TipEffectiveness;
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
 * self-repair success per fault code, tickets, tips and whether each kind of tip works. Blocking (SQL):
 * call from a worker.
 */
final class FleetNumbers {

    private static final String ACCEPTED = "m2mcare.telemetry.accepted";
    private static final Duration EFFECTS_EVERY = Duration.ofMinutes(5);

    private final RecordsDatabase records;
    private final MeterRegistry meters;
    private final RepairAttemptStore attempts;
    private final TicketReports tickets;
    private final IntSupplier online;
    private final Clock clock;
    private final TipEffectiveness effectiveness;
    private List<Map<String, Object>> effects = List.of();
    private Instant effectsAt = Instant.MIN;
    private Instant lastLook;
    private double lastAccepted;

    FleetNumbers(RecordsDatabase records, MeterRegistry meters, IntSupplier online, TipEffectiveness effectiveness,
            Clock clock) {
        this.effectiveness = effectiveness;
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
        m.put("effects", effects(now));
        m.put("at", CustomerView.time(now));
        return m;
    }

    /**
     * Per kind of advisor tip, the measured effect on daily energy against the held-out group (see
     * {@link TipEffectiveness}); recomputed at most every {@link #EFFECTS_EVERY}, as it reads telemetry.
     */
    private List<Map<String, Object>> effects(Instant now) {
        if (effectsAt.plus(EFFECTS_EVERY).isAfter(now)) {
            return effects;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> kind : grouped("SELECT kind, COUNT(*) FROM tips WHERE source = 'ADVISOR' GROUP BY kind"
                + " ORDER BY kind")) {
            String name = String.valueOf(kind.get("name"));
            String measured = effectiveness.measure(name, "energy_wh_total", Duration.ofDays(7), now)
                    .map(e -> String.format(Locale.ROOT, "%+.0f Wh a day (%+.1f %%), 95 %% interval %+.0f to %+.0f;"
                            + " %d got it, %d held out", e.effect(), 100 * e.relativeEffect(), e.low(), e.high(),
                            e.treated(), e.control()))
                    .orElse("not enough devices with a full week before and after yet");
            rows.add(Map.of("kind", name, "tips", kind.get("count"), "effect", measured));
        }
        effects = rows;
        effectsAt = now;
        return rows;
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
