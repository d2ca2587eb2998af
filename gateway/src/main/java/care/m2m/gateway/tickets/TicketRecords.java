package care.m2m.gateway.tickets;

import care.m2m.gateway.outbox.OutboxStore;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.tickets.TicketStore.LinkedFault;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The write side shared by the ticket rung and the technicians' desk: one transaction per change, in which
 * the ticket row, its note (the why) and its outbox event (for the field-service system) commit together.
 */
final class TicketRecords {

    /** Work inside a transaction. */
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    final TicketStore store = new TicketStore();
    private final RecordsDatabase db;
    private final OutboxStore outbox;

    TicketRecords(RecordsDatabase db, OutboxStore outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    <T> T inTx(Work<T> work) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Queues the webhook event of a ticket change, in the caller's transaction. */
    void event(Connection c, Ticket t, String type, Instant at) throws SQLException {
        String id = OutboxStore.newId();
        List<String> codes = store.faults(c, t.id()).stream().map(LinkedFault::code).distinct().toList();
        outbox.append(c, id, t.id(), type, TicketJson.event(id, type, at, t, codes).encode(), at);
    }

    void note(Connection c, Ticket t, Instant at, String text) throws SQLException {
        store.note(c, t.deviceId(), t.id(), null, at, text);
    }

    Ticket existing(Connection c, String id) throws SQLException {
        return store.find(c, id).orElseThrow(() -> new TicketNotFoundException("no ticket with id '" + id + "'"));
    }
}
