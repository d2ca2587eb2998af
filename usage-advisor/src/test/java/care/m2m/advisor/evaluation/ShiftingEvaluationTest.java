package care.m2m.advisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the evaluation command's computation on a week of the real recorded data and real prices. */
class ShiftingEvaluationTest {

    private static Path data;

    @BeforeAll
    static void findSharedData() {
        data = Path.of(System.getProperty("m2mcare.shared.dir", "../../shared"), "data").toAbsolutePath().normalize();
        boolean present = Files.isDirectory(data.resolve("appliances")) && Files.isDirectory(data.resolve("prices"));
        if (!present) {
            System.err.println("""
                    ******************************************************************************
                    * SKIPPING the shifting evaluation on real data: %s is absent.
                    * The proof of the advisor's usefulness did NOT run.
                    ******************************************************************************"""
                    .formatted(data));
        }
        assumeTrue(present, "shared data folder absent: " + data);
    }

    @Test
    void onAWeekOfRealDataTheAdviceSavesAndNeverBeatsTheExactOptimum() {
        ShiftingEvaluation.Options options = ShiftingEvaluation.Options.parse("--data", data.toString(),
                "--years", "2022,2023", "--from", "2016-02-01", "--to", "2016-02-08");

        List<YearResult> results = ShiftingEvaluation.run(options);

        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.cycles()).as("cycles found").isGreaterThan(5);
            assertThat(r.violations()).as("constraint violations").isEmpty();
            assertThat(r.advisedEur()).as("advised <= recorded").isLessThanOrEqualTo(r.recordedEur() + 1e-9);
            assertThat(r.optimumEur()).as("optimum <= advised").isLessThanOrEqualTo(r.advisedEur() + 1e-9);
            assertThat(r.fractionOfOptimum()).as("fraction of optimum").isGreaterThanOrEqualTo(0.95);
        });
    }

    @Test
    void tighterRulesAcrossTheSpringClockChangeStillHoldForEveryCycle() {
        // 2016-03-30 .. 2016-04-05 maps onto 2024-03-27 .. 2024-04-02, across the 2024-03-31 clock change
        ShiftingEvaluation.Options options = ShiftingEvaluation.Options.parse("--data", data.toString(),
                "--years", "2024", "--from", "2016-03-30", "--to", "2016-04-06", "--power-kw", "1.5", "--flex-hours", "12");

        YearResult result = ShiftingEvaluation.run(options).getFirst();

        assertThat(result.cycles()).isPositive();
        assertThat(result.unpriced()).isZero();
        assertThat(result.violations()).isEmpty();
        assertThat(result.optimumEur()).isLessThanOrEqualTo(result.advisedEur() + 1e-9);
        assertThat(result.advisedEur()).isLessThanOrEqualTo(result.recordedEur() + 1e-9);
    }
}
