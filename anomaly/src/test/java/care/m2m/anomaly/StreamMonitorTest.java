package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamMonitorTest {

    @Test
    void raisesAnAlertOnlyWhenTheScoreReachesTheThreshold() {
        double[] scores = {0.1, 0.3, 0.29999};
        int[] next = {0};
        StreamMonitor monitor = new StreamMonitor((t, v) -> scores[next[0]++], 0.3);

        assertThat(monitor.observe(1L, 5.0)).isEmpty();
        Optional<Alert> alert = monitor.observe(2L, 6.0);
        assertThat(monitor.observe(3L, 7.0)).isEmpty();

        assertThat(alert).contains(new Alert(2L, 6.0, 0.3, 0.3));
    }

    @Test
    void rejectsThresholdsOutsideTheScoreRangeAndAlertsBelowThreshold() {
        assertThatThrownBy(() -> new StreamMonitor((t, v) -> 0.0, 0.0))
                .hasMessageContaining("threshold must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new Alert(1L, 1.0, 0.2, 0.3))
                .hasMessageContaining("score >= threshold");
        assertThatThrownBy(() -> DetectorConfig.defaults().withAlertThreshold(1.5))
                .hasMessageContaining("alertThreshold in (0, 1], got 1.5");
    }

    @Test
    void monitorFromConfigUsesTheConfiguredThreshold() {
        StreamMonitor monitor = StreamMonitor.of(DetectorConfig.defaults());

        assertThat(monitor.observe(0L, 1.0)).isEmpty();
    }
}
