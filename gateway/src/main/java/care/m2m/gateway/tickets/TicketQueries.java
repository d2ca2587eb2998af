package care.m2m.gateway.tickets;

import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultStore;
import care.m2m.gateway.outbox.OutboxStore;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.repair.RepairAttempt;
import care.m2m.gateway.repair.RepairAttemptStore;
import care.m2m.gateway.tickets.TicketStore.LinkedFault;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipStore;
import care.m2m.gateway.value.Priority;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read side for field service: the queue and the full ticket a technician opens (faults with first and
 * last seen, every self-repair attempt with its result, the tips the customer already got for them, the
 * telemetry excerpt, the value-matrix reasons, the
 * notes that say why the ticket exists, and the webhook deliveries). Blocking: call it on a worker.
 */
public final class TicketQueries {

    private final RecordsDatabase db;
    private final TicketStore store = new TicketStore();
    private final FaultStore faults;
    private final RepairAttemptStore attempts;
    private final OutboxStore outbox;
    private final TipStore tips;

    public TicketQueries(RecordsDatabase db, FaultStore faults, RepairAttemptStore attempts, OutboxStore outbox,
            TipStore tips) {
        this.db = db;
        this.faults = faults;
        this.attempts = attempts;
        this.outbox = outbox;
        this.tips = tips;
    }

    public JsonArray queue(Ticket.Status status, Priority priority, String region, int limit) {
        try (Connection c = db.connection()) {
            JsonArray items = new JsonArray();
            for (Ticket t : store.queue(c, status, priority, region, limit)) {
                items.add(TicketJson.summary(t, codes(store.faults(c, t.id()))));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ticket queue: " + e.getMessage(), e);
        }
    }

    public Optional<JsonObject> detail(String id) {
        try (Connection c = db.connection()) {
            Optional<Ticket> found = store.find(c, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Ticket t = found.get();
            List<LinkedFault> linked = store.faults(c, id);
            Map<String, Fault> byId = faults.ofDevice(t.deviceId(), 500).stream()
                    .collect(Collectors.toMap(Fault::id, Function.identity()));
            JsonArray faultItems = new JsonArray();
            for (LinkedFault l : linked) {
                Fault f = byId.get(l.faultId());
                JsonObject item = new JsonObject().put("id", l.faultId()).put("code", l.code());
                if (f != null) {
                    item.put("severity", f.severity().name()).put("status", f.status().name())
                            .put("detail", f.detail()).put("firstSeen", f.firstSeen().toString())
                            .put("lastSeen", f.lastSeen().toString()).put("clearedAt", TicketJson.str(f.clearedAt()))
                            .put("occurrences", f.occurrences()).put("ladder", f.ladder().name())
                            .put("ladderNote", f.ladderNote());
                }
                JsonArray tries = new JsonArray();
                attempts.ofFault(l.faultId()).forEach(a -> tries.add(attempt(a)));
                faultItems.add(item.put("repairAttempts", tries));
            }
            JsonArray tipsGiven = new JsonArray();
            Set<String> faultIds = linked.stream().map(LinkedFault::faultId).collect(Collectors.toSet());
            tips.ofDevice(t.deviceId(), 200).stream()
                    .filter(tip -> tip.source() == TipRecord.Source.FAULT
                            && (faultIds.contains(tip.evidenceKey()) || id.equals(tip.evidenceKey())))
                    .forEach(tip -> tipsGiven.add(new JsonObject().put("id", tip.id()).put("title", tip.title())
                            .put("text", tip.text()).put("state", tip.state().name())
                            .put("createdAt", tip.createdAt().toString())
                            .put("deliveredAt", TicketJson.str(tip.deliveredAt()))));
            JsonArray notes = new JsonArray();
            store.notes(c, id).forEach(n -> notes.add(note(n)));
            JsonArray events = new JsonArray();
            outbox.ofTicket(id).forEach(e -> events.add(new JsonObject().put("id", e.id()).put("type", e.type())
                    .put("createdAt", e.createdAt().toString()).put("attempts", e.attempts())
                    .put("deliveredAt", TicketJson.str(e.deliveredAt()))));
            return Optional.of(TicketJson.summary(t, codes(linked))
                    .put("value", new JsonObject().put("monetary", t.monetary()).put("emotional", t.emotional())
                            .put("reasons", new JsonArray(t.reasons())))
                    .put("faults", faultItems)
                    .put("tipsGiven", tipsGiven)
                    .put("telemetryExcerpt", t.telemetryJson() == null ? new JsonArray() : new JsonArray(t.telemetryJson()))
                    .put("notes", notes)
                    .put("webhookEvents", events));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read ticket " + id + ": " + e.getMessage(), e);
        }
    }

    /** Every ticket-rung decision about a device, newest first: why tickets exist and why faults needed none. */
    public JsonArray decisions(String deviceId, int limit) {
        try (Connection c = db.connection()) {
            JsonArray items = new JsonArray();
            store.notesOfDevice(c, deviceId, limit).forEach(n -> items.add(note(n)));
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read ticket decisions of " + deviceId + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject note(TicketStore.Note n) {
        return new JsonObject().put("at", n.at().toString()).put("ticketId", n.ticketId()).put("faultId", n.faultId())
                .put("text", n.text());
    }

    private static JsonObject attempt(RepairAttempt a) {
        return new JsonObject().put("attempt", a.attempt()).put("action", a.action()).put("commandId", a.commandId())
                .put("startedAt", a.startedAt().toString()).put("finishedAt", TicketJson.str(a.finishedAt()))
                .put("outcome", a.outcome().name());
    }

    private static List<String> codes(List<LinkedFault> linked) {
        return linked.stream().map(LinkedFault::code).distinct().toList();
    }
}
