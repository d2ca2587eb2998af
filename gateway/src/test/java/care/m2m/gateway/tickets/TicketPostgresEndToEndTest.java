package care.m2m.gateway.tickets;

import care.m2m.testkit.PostgresServer;
import java.util.Map;

/** The same ticket scenarios on PostgreSQL, the records database of production. */
class TicketPostgresEndToEndTest extends TicketScenarios {

    @Override
    protected Map<String, String> database() {
        String name = "m2mcare_tickets_" + Long.toString(System.nanoTime(), 36);
        PostgresServer postgres = PostgresServer.shared();
        postgres.createDatabase(name);
        return Map.of("M2MCARE_SQL_URL", postgres.jdbcUrl(name), "M2MCARE_SQL_USERNAME", postgres.user(),
                "M2MCARE_SQL_PASSWORD", postgres.password());
    }
}
