package care.m2m.advisor.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.history.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CycleDetectorTest {

    private static final Instant T0 = Instant.parse("2024-01-08T08:00:00Z");
    private static final CycleDetector WASHER = new CycleDetector(50, Duration.ofMinutes(10), Duration.ofMinutes(20));

    /** One reading a minute with the given watts. */
    private static List<Point> minutes(double... watts) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < watts.length; i++) {
            points.add(new Point(T0.plusSeconds(60L * i), watts[i]));
        }
        return points;
    }

    private static double[] repeat(double watts, int count) {
        double[] out = new double[count];
        java.util.Arrays.fill(out, watts);
        return out;
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void aShortPauseInsideAProgramDoesNotSplitIt() {
        double[] watts = concat(repeat(2000, 20), repeat(0, 5), repeat(200, 20), repeat(0, 30));

        List<PowerCycle> cycles = WASHER.detect(new PowerCurve(minutes(watts), Duration.ofMinutes(5)));

        assertThat(cycles).hasSize(1);
        assertThat(cycles.getFirst().duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(cycles.getFirst().energyWh()).isCloseTo(2000 * 20 / 60.0 + 200 * 20 / 60.0, Offset.offset(1e-6));
    }

    @Test
    void aLongPauseSplitsTwoPrograms() {
        double[] watts = concat(repeat(2000, 25), repeat(0, 30), repeat(2000, 25), repeat(0, 5));

        assertThat(WASHER.detect(new PowerCurve(minutes(watts), Duration.ofMinutes(5)))).hasSize(2);
    }

    @Test
    void aBriefSpikeIsNoCycle() {
        double[] watts = concat(repeat(0, 5), repeat(2000, 3), repeat(0, 30));

        assertThat(WASHER.detect(new PowerCurve(minutes(watts), Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void aTelemetryGapIsNotFilledWithEnergy() {
        List<Point> points = List.of(new Point(T0, 1000), new Point(T0.plus(Duration.ofHours(2)), 0));

        assertThat(new PowerCurve(points, Duration.ofMinutes(5)).wattHours(T0, T0.plus(Duration.ofHours(2))))
                .isCloseTo(1000 * 5 / 60.0, Offset.offset(1e-9));
    }
}
