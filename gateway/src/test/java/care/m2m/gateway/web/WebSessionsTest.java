package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.web.WebSessions.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sessions are unguessable, carry their own CSRF token, and end after idling or signing out. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WebSessionsTest {

    private final MovableClock clock = new MovableClock();
    private final WebSessions sessions = new WebSessions(clock);

    @Test
    void aSessionIsFoundByItsRandomIdOnly() {
        Session a = sessions.open(Role.CUSTOMER, "cust-1", null);
        Session b = sessions.open(Role.CUSTOMER, "cust-1", null);
        assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
        assertThat(a.csrf()).isNotEqualTo(b.csrf());
        assertThat(sessions.find(a.id())).get().extracting(Session::subject).isEqualTo("cust-1");
        assertThat(sessions.find("cust-1")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void aSessionEndsAfterIdlingButNotWhileUsed() {
        Session s = sessions.open(Role.OPERATOR, "operator", null);
        clock.advance(WebSessions.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(sessions.find(s.id())).as("used just in time").isPresent();
        clock.advance(WebSessions.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(sessions.find(s.id())).as("the idle timer restarted").isPresent();
        clock.advance(WebSessions.IDLE_TIMEOUT.plusSeconds(1));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAtOnce() {
        Session s = sessions.open(Role.FIELD_SERVICE, "field-service", "token");
        sessions.close(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
