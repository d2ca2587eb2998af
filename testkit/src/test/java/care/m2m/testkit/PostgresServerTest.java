package care.m2m.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class PostgresServerTest {

    private final PostgresServer postgres = PostgresServer.shared();

    @Test
    void answersSelectOneOverTcp() {
        assertThat(postgres.psql("postgres", "select 1")).isEqualTo("1");
    }

    @Test
    void offersAJdbcUrlForACreatedDatabase() {
        postgres.createDatabase("testkit_jdbc");
        postgres.createDatabase("testkit_jdbc");

        assertThat(postgres.jdbcUrl("testkit_jdbc")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/testkit_jdbc");
        assertThat(postgres.user()).isEqualTo("postgres");
        assertThat(postgres.psql("testkit_jdbc", "select current_database()")).isEqualTo("testkit_jdbc");
    }

    @Test
    void keepsItsDataAcrossARestart() {
        postgres.createDatabase("testkit_restart");
        postgres.psql("testkit_restart", "create table if not exists kept (id int primary key); "
                + "insert into kept values (42) on conflict do nothing");

        postgres.stop();
        assertThatThrownBy(() -> postgres.psql("testkit_restart", "select 1")).isInstanceOf(IllegalStateException.class);
        postgres.start();

        assertThat(postgres.psql("testkit_restart", "select id from kept")).isEqualTo("42");
    }
}
