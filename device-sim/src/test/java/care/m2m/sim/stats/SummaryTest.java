package care.m2m.sim.stats;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.sim.firmware.FaultTimeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path dir;

    private static RunStats statsWith(int acked, int rejected87, int timeouts) {
        RunStats stats = new RunStats();
        stats.connected(true);
        for (int i = 0; i < acked + rejected87 + timeouts; i++) {
            stats.sent();
        }
        for (int i = 0; i < acked; i++) {
            stats.acknowledged(TimeUnit.MILLISECONDS.toNanos(i + 1));
        }
        for (int i = 0; i < rejected87; i++) {
            stats.rejected(0x87, TimeUnit.MILLISECONDS.toNanos(1));
        }
        for (int i = 0; i < timeouts; i++) {
            stats.timedOut();
        }
        return stats;
    }

    private static Summary summary(RunStats stats) {
        return Summary.of(1, 10, stats.snapshot(), new Summary.LatencyMillis(1, 2, 3, 4));
    }

    @Test
    void aRunWhereEveryMessageGotAnAnswerExitsWith0EvenWithRejections() {
        Summary summary = summary(statsWith(100, 3, 0));

        assertThat(summary.exitCode()).isZero();
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(summary.rejectedByReason()).containsEntry("0x87 not authorized", 3L);
        assertThat(summary.messagesPerSecond()).isEqualTo(10.3);
    }

    @Test
    void aTimeoutMakesTheRunFailWithExitCode1() {
        assertThat(summary(statsWith(100, 0, 1)).exitCode()).isEqualTo(1);
    }

    @Test
    void aRunWhereNoDeviceEverConnectedFails() {
        assertThat(summary(new RunStats()).exitCode()).isEqualTo(1);
    }

    @Test
    void theJsonHasTheSameFieldsAndReadsBack() throws Exception {
        Summary summary = summary(statsWith(5, 1, 0));
        Path file = dir.resolve("out/summary.json");

        SummaryWriter.writeJson(summary, file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("acknowledged").asLong()).isEqualTo(5);
        assertThat(json.path("rejectedByReason").path("0x87 not authorized").asLong()).isEqualTo(1);
        assertThat(json.path("ackLatencyMs").path("p99").asDouble()).isEqualTo(2);
        assertThat(json.path("commands").has("executed")).isTrue();
        assertThat(SummaryWriter.readJson(file)).isEqualTo(summary);
    }

    @Test
    void faultToCommandLatencyAndOfflineEpisodesAreInTheJsonAndTheText() throws Exception {
        RunStats stats = statsWith(5, 0, 0);
        RepairStats repairs = stats.repairs();
        for (int i = 0; i < 3; i++) {
            repairs.faultReported("E_BOILER_OVERHEAT");
        }
        repairs.repairCommand("E_BOILER_OVERHEAT", "restart_heater",
                new FaultTimeline.Latencies(Duration.ofMillis(800), Duration.ofSeconds(20)));
        repairs.repairCommand("E_BOILER_OVERHEAT", "restart_heater",
                new FaultTimeline.Latencies(Duration.ofMillis(1200), Duration.ofSeconds(30)));
        repairs.repairCommand("E_BOILER_OVERHEAT", "restart_heater", null);
        repairs.repairCommand("E_PUMP_PRESSURE_LOW", "descale_cycle",
                new FaultTimeline.Latencies(null, Duration.ofSeconds(5)));
        repairs.repairCleared("E_BOILER_OVERHEAT");
        stats.wentOffline();
        Path file = dir.resolve("repairs.json");

        Summary summary = summary(stats);
        SummaryWriter.writeJson(summary, file);
        StringWriter text = new StringWriter();
        SummaryWriter.printText(summary, new PrintWriter(text));

        JsonNode json = new ObjectMapper().readTree(file.toFile()).path("repairs");
        assertThat(json.path("faultsReported").asLong()).isEqualTo(3);
        assertThat(json.path("repairCommands").asLong()).isEqualTo(4);
        assertThat(json.path("repairsCleared").asLong()).isEqualTo(1);
        assertThat(json.path("commandsBeforeReport").asLong()).isEqualTo(1);
        assertThat(json.path("faultToCommandMs").path("count").asLong()).isEqualTo(2);
        assertThat(json.path("faultToCommandMs").path("p50").asDouble()).isBetween(799.0, 801.0);
        assertThat(json.path("faultToCommandMs").path("max").asDouble()).isBetween(1199.0, 1201.0);
        assertThat(json.path("onsetToCommandMs").path("count").asLong()).isEqualTo(3);
        assertThat(summary.offlineEpisodes()).isEqualTo(1);
        assertThat(summary.devicesConnected()).isEqualTo(1);
        assertThat(SummaryWriter.readJson(file)).isEqualTo(summary);
        assertThat(text.toString()).contains("3 reported, 4 repair commands received, 1 repairs cleared the fault",
                "n 2, p50 800 ms", "1 came before the event", "1 offline episodes");
    }

    @Test
    void theTextNamesTheRejectionReasons() {
        StringWriter text = new StringWriter();

        SummaryWriter.printText(summary(statsWith(5, 2, 0)), new PrintWriter(text));

        assertThat(text.toString()).contains("acknowledged   5", "rejected       2 (0x87 not authorized: 2)",
                "p50 1.00 ms, p99 2.00 ms, max 3.00 ms", "exit code      0");
    }

    @Test
    void theProgressLineShowsTheIntervalRateAndP99() {
        RunStats stats = statsWith(10, 0, 0);
        StringWriter line = new StringWriter();
        ProgressReporter progress = new ProgressReporter(stats, 4, new PrintWriter(line), 0);

        progress.report(TimeUnit.SECONDS.toNanos(2));

        assertThat(line.toString()).contains("[    2s] connected 1/4 | sent 10 acked 10 rejected 0 failed 0",
                "5.0 msg/s", "p99 10.0 ms");
    }

    @Test
    void latencyPercentilesComeFromEveryRecordedValue() {
        Latency latency = new Latency();
        for (int ms = 1; ms <= 100; ms++) {
            latency.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }
        latency.interval();
        latency.record(TimeUnit.MILLISECONDS.toNanos(500));

        var total = latency.total();
        assertThat(total.getTotalCount()).isEqualTo(101);
        assertThat(Latency.percentileMillis(total, 50)).isBetween(49.0, 52.0);
        assertThat(Latency.maxMillis(total)).isBetween(499.0, 501.0);
    }
}
