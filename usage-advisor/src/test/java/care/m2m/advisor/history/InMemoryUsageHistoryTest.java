package care.m2m.advisor.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryUsageHistoryTest {

    private static final Instant T0 = Instant.parse("2024-01-08T08:00:00Z");

    @Test
    void readingsComeBackOldestFirstAndOnlyInsideTheHalfOpenRange() {
        InMemoryUsageHistory history = new InMemoryUsageHistory()
                .add("d1", "power_w", T0.plusSeconds(120), 3)
                .add("d1", "power_w", T0, 1)
                .add("d1", "power_w", T0.plusSeconds(60), 2)
                .add("d2", "power_w", T0, 9);

        assertThat(history.numeric("d1", "power_w", new TimeRange(T0, T0.plusSeconds(120))))
                .extracting(Point::value).containsExactly(1.0, 2.0);
    }

    @Test
    void enumReadingsAreKeptApartFromNumbers() {
        InMemoryUsageHistory history = new InMemoryUsageHistory().addState("d1", "phase", T0, "wash");

        TimeRange range = new TimeRange(T0, T0.plusSeconds(1));
        assertThat(history.states("d1", "phase", range)).extracting(StatePoint::value).containsExactly("wash");
        assertThat(history.numeric("d1", "phase", range)).isEmpty();
    }
}
