package care.m2m.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class InfluxServerTest {

    private final InfluxServer influx = InfluxServer.shared();

    @Test
    void answersOnALoopbackUrl() {
        assertThat(influx.url()).startsWith("http://127.0.0.1:");
        assertThat(influx.isRunning()).isTrue();
    }

    @Test
    void storesALineAndAnswersAQueryForIt() {
        influx.createDatabase("testkit_roundtrip");

        influx.write("testkit_roundtrip", "climate,device=kettle-1 temperature=21.5 1700000000000");

        String answer = influx.query("testkit_roundtrip", "SELECT temperature FROM climate WHERE device = 'kettle-1'");
        assertThat(answer).contains("\"temperature\"").contains("21.5");
    }

    @Test
    void createsTheSameDatabaseTwiceWithoutComplaint() {
        influx.createDatabase("testkit_twice");
        influx.createDatabase("testkit_twice");

        assertThat(influx.query(null, "SHOW DATABASES")).contains("testkit_twice");
    }

    @Test
    void keepsItsDataAndPortAcrossARestart() {
        influx.createDatabase("testkit_restart");
        influx.write("testkit_restart", "climate,device=fridge-7 temperature=4.25 1700000000000");
        String url = influx.url();

        influx.stop();
        assertThat(influx.isRunning()).isFalse();
        assertThatThrownBy(() -> influx.query(null, "SHOW DATABASES")).hasMessageContaining(url);
        influx.start();

        assertThat(influx.url()).isEqualTo(url);
        assertThat(influx.query("testkit_restart", "SELECT temperature FROM climate")).contains("4.25");
    }

    @Test
    void reportsTheServersErrorWhenItRefusesAQuery() {
        assertThatThrownBy(() -> influx.query(null, "SELEKT nonsense"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SELEKT nonsense")
                .hasMessageContaining("error");
    }
}
