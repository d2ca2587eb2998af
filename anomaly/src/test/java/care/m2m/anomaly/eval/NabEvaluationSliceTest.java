package care.m2m.anomaly.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import care.m2m.anomaly.ArtConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole NAB evaluation on two real files; the full corpus is run by hand (see the README). */
class NabEvaluationSliceTest {

    private static final List<String> SLICE = List.of("ec2_request_latency_system_failure", "art_daily_jumpsup");

    private static Optional<Path> nab;

    @BeforeAll
    static void findData() {
        nab = SharedData.locate("nab");
        if (nab.isEmpty()) {
            System.err.println("!!!!! SKIPPING the NAB slice evaluation: ../shared/data/nab is absent !!!!!");
        }
    }

    @Test
    void readsWindowsAsRowIndices() {
        assumeTrue(nab.isPresent(), "../shared/data/nab is absent");

        List<NabSeries> corpus = NabCorpus.load(nab.get(), List.of("art_daily_jumpsup"));

        assertThat(corpus).hasSize(1);
        assertThat(corpus.get(0).size()).isEqualTo(4032);
        assertThat(corpus.get(0).windows()).isDeepEqualTo(new int[][] {{2787, 3189}});
    }

    /**
     * The whole corpus (about 1 s): our ART, given what NAB gives every detector (the file's range and length),
     * must score what ARTime's published run scored on these files. Guards the port (features, fuzzy ART,
     * vigilance) and the scorer together against silent drift; the figures are in the README.
     */
    @Test
    void theArtUnderNabsProtocolReproducesArtimesPublishedScores() {
        assumeTrue(nab.isPresent(), "../shared/data/nab is absent");
        List<NabSeries> corpus = NabCorpus.load(nab.get(), List.of());

        Map<NabProfile, NabScorer.Result> result = NabEvaluation.score(NabEvaluation.run(corpus,
                NabEvaluation.artVariants(ArtConfig.defaults()).get("artNabProtocol256")));

        double[] artime = NabReport.PUBLISHED.get("ARTime");
        int p = 0;
        for (NabProfile profile : NabProfile.all()) {
            assertThat(result.get(profile).normalized()).as(profile.name()).isCloseTo(artime[p++], within(1.0));
        }
    }

    @Test
    void scoresASliceEndToEndAndWritesNabsResultsLayout(@TempDir Path results) throws IOException {
        assumeTrue(nab.isPresent(), "../shared/data/nab is absent");
        List<NabSeries> corpus = NabCorpus.load(nab.get(), SLICE);

        List<NabScorer.ScoredSeries> scored = NabEvaluation.run(corpus, NabEvaluation.detectors().get(
                NabEvaluation.DETECTOR));
        Map<NabProfile, NabScorer.Result> result = NabEvaluation.score(scored);
        NabResultsWriter.write(results, NabEvaluation.DETECTOR, scored);

        assertThat(corpus).hasSize(2);
        assertThat(result.get(NabProfile.STANDARD).nullScore()).isEqualTo(-4.0);
        assertThat(result.get(NabProfile.STANDARD).normalized()).isBetween(20.0, 100.0);
        Path file = results.resolve("m2mcare/realKnownCause/m2mcare_ec2_request_latency_system_failure.csv");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4033);
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,label");
        assertThat(lines.get(1)).startsWith("2014-03-07 03:41:00,");
    }
}
