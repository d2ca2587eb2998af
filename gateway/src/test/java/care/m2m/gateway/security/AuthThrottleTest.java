package care.m2m.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AuthThrottle throttle = new AuthThrottle(3, Duration.ofMinutes(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2), clock);

    @Test
    void repeatedFailuresBlockForAGrowingTimeUpToTheCap() {
        throttle.failure("device:d1");
        throttle.failure("device:d1");
        assertThat(throttle.blocked("device:d1")).isFalse();
        throttle.failure("device:d1");
        assertThat(throttle.retryAfter("device:d1")).isEqualTo(Duration.ofSeconds(30));

        now = now.plusSeconds(31);
        assertThat(throttle.blocked("device:d1")).isFalse();
        for (int i = 0; i < 3; i++) {
            throttle.failure("device:d1");
        }
        assertThat(throttle.retryAfter("device:d1")).isEqualTo(Duration.ofSeconds(60));
        for (int round = 0; round < 3; round++) {
            now = now.plusSeconds(200);
            for (int i = 0; i < 3; i++) {
                throttle.failure("device:d1");
            }
        }
        assertThat(throttle.retryAfter("device:d1")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUpAndSuccessClears() {
        throttle.failure("address:10.0.0.1");
        throttle.failure("address:10.0.0.1");
        now = now.plusSeconds(61);
        throttle.failure("address:10.0.0.1");
        assertThat(throttle.blocked("address:10.0.0.1")).isFalse();
        throttle.failure("address:10.0.0.1");
        throttle.success("address:10.0.0.1");
        throttle.failure("address:10.0.0.1");
        assertThat(throttle.blocked("address:10.0.0.1")).isFalse();
    }
}
