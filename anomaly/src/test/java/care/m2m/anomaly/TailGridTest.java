package care.m2m.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TailGridTest {

    @Test
    void surpriseGrowsWithRarityAndIsLargestForNeverSeenValues() {
        float[] counts = new float[TailGrid.LEVELS];
        Random random = new Random(5);
        double total = 0;
        for (int i = 0; i < 10_000; i++) {
            TailGrid.learn(counts, 0, 1.0, Math.abs(random.nextGaussian()) * 2.0);
            total++;
        }

        double median = TailGrid.surprise(counts, 0, total, 1.35);
        double onePercent = TailGrid.surprise(counts, 0, total, 5.15);
        double unseen = TailGrid.surprise(counts, 0, total, 30.0);
        double beyondGrid = TailGrid.surprise(counts, 0, total, 1e6);

        assertThat(median).isBetween(0.1, 0.6);
        assertThat(onePercent).isBetween(1.5, 2.5);
        assertThat(unseen).isGreaterThan(4.5);
        assertThat(beyondGrid).isGreaterThan(unseen);
        assertThat(TailGrid.surprise(counts, 0, total, 0.5)).isZero();
    }
}
