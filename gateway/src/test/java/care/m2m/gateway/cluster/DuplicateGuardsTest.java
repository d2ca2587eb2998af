package care.m2m.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.config.GatewayConfig.SqlSettings;
import care.m2m.gateway.outbox.OutboxEvent;
import care.m2m.gateway.outbox.OutboxStore;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipRecord.Source;
import care.m2m.gateway.tips.TipRecord.State;
import care.m2m.gateway.tips.TipStore;
import care.m2m.testkit.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database, not luck, keeps two gateway instances from duplicating work when both act at once (a short
 * overlap of two leaders): one open tip per customer, device, kind and evidence; one delivery of a due tip;
 * one sender per outbox event at a time. Two connection pools stand for two instances; checked on the
 * embedded H2 and on PostgreSQL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DuplicateGuardsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoInstancesActingAtOnceCannotDuplicate(String database) throws Exception {
        SqlSettings settings = settings(database);
        try (RecordsDatabase first = RecordsDatabase.open(settings, dir);
                RecordsDatabase second = RecordsDatabase.open(settings, dir)) {
            TipStore one = new TipStore(first);
            TipStore other = new TipStore(second);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            // WHEN both instances insert the same advice at the same moment, THEN exactly one is stored open
            List<Boolean> inserted = race(() -> one.insert(tip("tip-a", State.PENDING, now)),
                    () -> other.insert(tip("tip-b", State.PENDING, now)));
            assertThat(inserted).containsExactlyInAnyOrder(true, false);
            List<TipRecord> open = one.sameEvidence("cust-g1", "espresso-g1", "idle_waste", "evidence-1");
            assertThat(open).hasSize(1);
            // AND once that tip is closed, the same advice may open again
            TipRecord stored = open.get(0);
            one.update(in(stored, State.DISMISSED, now));
            assertThat(other.insert(tip("tip-c", State.PENDING, now))).isTrue();

            // WHEN both instances deliver the same due tip, THEN only one of them may push it
            TipRecord due = one.find("tip-c").orElseThrow();
            TipRecord delivered = in(due, State.DELIVERED, now);
            assertThat(race(() -> one.transition(due, delivered), () -> other.transition(due, delivered)))
                    .containsExactlyInAnyOrder(true, false);
            assertThat(one.find("tip-c").orElseThrow().state()).isEqualTo(State.DELIVERED);

            // WHEN both senders claim the same due outbox event, THEN only one posts it
            OutboxStore outbox = new OutboxStore(first);
            try (Connection c = first.connection()) {
                outbox.append(c, "evt-1", "ticket-g1", "opened", "{}", now);
            }
            OutboxEvent event = outbox.pending(10).get(0);
            OutboxStore otherOutbox = new OutboxStore(second);
            Instant lease = now.plusSeconds(60);
            assertThat(race(() -> outbox.claim(event.id(), event.nextAttemptAt(), lease),
                    () -> otherOutbox.claim(event.id(), event.nextAttemptAt(), lease)))
                    .containsExactlyInAnyOrder(true, false);
        }
    }

    private SqlSettings settings(String database) {
        if (database.equals("h2")) {
            return new SqlSettings(Optional.empty(), "", "", 2);
        }
        PostgresServer postgres = PostgresServer.shared();
        String name = "guards_" + Long.toString(System.nanoTime(), 36);
        postgres.createDatabase(name);
        return new SqlSettings(Optional.of(postgres.jdbcUrl(name)), postgres.user(), postgres.password(), 2);
    }

    private static TipRecord tip(String id, State state, Instant at) {
        return new TipRecord(id, "espresso-g1", "cust-g1", "idle_waste", "Switch off when idle", "It saves energy.",
                5.0, 1.5, "evidence-1", Source.ADVISOR, state, null, at, at, null, at);
    }

    private static TipRecord in(TipRecord t, State state, Instant at) {
        return new TipRecord(t.id(), t.deviceId(), t.customerRef(), t.kind(), t.title(), t.text(), t.benefitKwh(),
                t.benefitEur(), t.evidenceKey(), t.source(), state, t.note(), t.createdAt(), t.deliverAfter(),
                state == State.DELIVERED ? at : t.deliveredAt(), at);
    }

    @SafeVarargs
    private static <T> List<T> race(Callable<T>... actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        try {
            List<Future<T>> futures = pool.invokeAll(List.of(actions));
            java.util.ArrayList<T> results = new java.util.ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
