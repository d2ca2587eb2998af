package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FusedDetectorTest {

    @Test
    void scoresTheLouderOfItsTwoDetectorsAndFeedsBoth() {
        int[] fed = new int[2];
        AnomalyDetector quiet = (t, v) -> {
            fed[0]++;
            return 0.1;
        };
        AnomalyDetector loud = (t, v) -> {
            fed[1]++;
            return v > 10 ? 0.9 : 0.0;
        };
        FusedDetector fused = new FusedDetector(quiet, loud);

        assertThat(fused.score(0L, 1.0)).isEqualTo(0.1);
        assertThat(fused.score(1L, 11.0)).isEqualTo(0.9);
        assertThat(fed).containsExactly(2, 2);
    }
}
