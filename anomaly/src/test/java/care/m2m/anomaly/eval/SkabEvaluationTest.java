package care.m2m.anomaly.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SkabEvaluationTest {

    @Test
    void scoresOneValveExperimentAndFindsItsAnomaly() throws IOException {
        Optional<Path> skab = SharedData.locate("skab");
        if (skab.isEmpty()) {
            System.err.println("!!!!! SKIPPING the SKAB slice evaluation: ../shared/data/skab is absent !!!!!");
        }
        assumeTrue(skab.isPresent(), "../shared/data/skab is absent");
        List<String> lines = Files.readAllLines(skab.get().resolve("valve1/0.csv"));
        DetectorConfig config = DetectorConfig.defaults();

        SkabEvaluation.Experiment experiment = SkabEvaluation.score("valve1/0.csv", lines,
                new DetectorFactory(config));
        SkabMetrics.Counts events = SkabMetrics.perEvent(List.of(experiment), config.alertThreshold());

        assertThat(experiment.scores()).hasSize(lines.size() - 1);
        assertThat(experiment.labels()).contains(0, 1);
        assertThat(events.tp()).isEqualTo(1);
        assertThat(events.fn()).isZero();
    }

    @Test
    void countsPointsAndEventsAsDefined() {
        SkabEvaluation.Experiment e = new SkabEvaluation.Experiment("x",
                new double[] {0, 0.9, 0, 0, 0.9, 0, 0, 0}, new int[] {0, 0, 0, 0, 1, 1, 1, 0});

        SkabMetrics.Counts raw = SkabMetrics.pointWise(List.of(e), 0.5, 1);
        SkabMetrics.Counts held = SkabMetrics.pointWise(List.of(e), 0.5, 3);
        SkabMetrics.Counts events = SkabMetrics.perEvent(List.of(e), 0.5);

        assertThat(raw).isEqualTo(new SkabMetrics.Counts(1, 1, 2));
        assertThat(held).isEqualTo(new SkabMetrics.Counts(3, 3, 0));
        assertThat(events).isEqualTo(new SkabMetrics.Counts(1, 1, 0));
        assertThat(held.f1()).isEqualTo(2 * 0.5 * 1.0 / 1.5);
    }
}
