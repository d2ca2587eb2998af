package care.m2m.contracts.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractCheckTest {

    private static final Path SAMPLES = Path.of("src/main/resources/care/m2m/contracts/v1/samples");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_valid_json_message_prints_ok_and_exits_0() {
        int status = run("telemetry", SAMPLES.resolve("valid/telemetry-espresso-ready.json").toString(),
                "--model", "coffee-espresso-x1");

        assertThat(status).isZero();
        assertThat(out()).isEqualTo("OK\n");
    }

    @Test
    void cbor_is_recognised_by_its_first_byte() {
        assertThat(run("event", SAMPLES.resolve("valid/event-grinder-jam.cbor").toString())).isZero();
    }

    @Test
    void every_violation_is_printed_and_the_exit_status_is_1(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.json");
        Files.writeString(file, "{\"v\":1,\"seq\":\"42\",\"location\":\"kitchen\",\"metrics\":{\"state\":\"ready\"}}");

        int status = run("telemetry", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out()).startsWith("SCHEMA_VIOLATION\n")
                .contains("  $.seq: expected integer, got string \"42\"")
                .contains("  $.location: expected only the properties the contract defines");
    }

    @Test
    void the_model_check_finds_out_of_range_values() {
        int status = run("telemetry", SAMPLES.resolve("invalid/telemetry-out-of-range.json").toString(),
                "--model", "coffee-espresso-x1");

        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("OUT_OF_RANGE", "$.metrics.boiler_temp_c: expected number in [0.0, 160.0] °C");
    }

    @Test
    void usage_mistakes_exit_2_with_help_on_stderr() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("gossip", "x.json")).isEqualTo(2);
        assertThat(run("telemetry", "does-not-exist.json")).isEqualTo(2);
        assertThat(run("telemetry", "x.json", "--model", "toaster-t1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ContractCheck").contains("toaster-t1");
    }

    private int run(String... args) {
        return ContractCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
