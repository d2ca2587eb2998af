package care.m2m.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.codec.MessageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast telemetry envelope check against the published schema: it may answer "certainly valid" only for trees
 * the schema accepts (otherwise the gateway would store what the contract forbids), and it must answer it for the
 * ordinary messages, or it would not be a fast path.
 */
class TelemetryEnvelopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaCheck SCHEMA =
            SchemaCheck.fromClasspath(MessageCodec.SCHEMA_FOLDER + "telemetry.schema.json");
    private static final Path SAMPLES = Path.of("src/main/resources/care/m2m/contracts/v1/samples");

    @Test
    void everyValidTelemetrySampleTakesTheFastPath() throws IOException {
        List<Path> files = samples("valid").filter(p -> p.getFileName().toString().startsWith("telemetry")).toList();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            ObjectNode tree = (ObjectNode) JSON.readTree(Files.readString(file));
            assertThat(TelemetryEnvelope.certainlyValid(tree)).as(file.toString()).isTrue();
            assertThat(SCHEMA.check(tree)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void neverAcceptsASampleTheSchemaRefuses() throws IOException {
        try (Stream<Path> all = Stream.concat(samples("valid"), samples("invalid"))) {
            for (Path file : all.toList()) {
                JsonNode tree = readOrNull(file);
                if (tree instanceof ObjectNode object && TelemetryEnvelope.certainlyValid(object)) {
                    assertThat(SCHEMA.check(object)).as(file.toString()).isEmpty();
                }
            }
        }
    }

    @Test
    void agreesWithTheSchemaOnMutatedMessages() throws IOException {
        ObjectNode base = (ObjectNode) JSON.readTree("{\"v\":1,\"ts\":1732460400000,\"seq\":7,\"fw\":\"3.2.0-rc.1\","
                + "\"metrics\":{\"flow_temp_c\":31.5,\"power_w\":180,\"defrost_active\":true,\"state\":\"defrost\"}}");
        Random random = new Random(20261124);
        int fast = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            ObjectNode tree = base.deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(tree, random);
            }
            boolean schemaValid = SCHEMA.check(tree).isEmpty();
            if (TelemetryEnvelope.certainlyValid(tree)) {
                fast++;
                assertThat(schemaValid).as("fast path accepted what the schema refuses: %s", tree).isTrue();
            }
            if (!schemaValid) {
                refused++;
            }
        }
        assertThat(fast).as("mutations the fast path still accepts").isGreaterThan(1_000);
        assertThat(refused).as("mutations the schema refuses").isGreaterThan(5_000);
    }

    private static void mutate(ObjectNode tree, Random random) {
        ObjectNode metrics = tree.get("metrics") instanceof ObjectNode object ? object : tree.putObject("metrics");
        String name = pick(random, "power_w", "a", "x_1", "Power", "1abc", "a-b", "é", "a".repeat(64), "a".repeat(65),
                "");
        switch (random.nextInt(16)) {
            case 0 -> tree.put("v", pick(random, 1, 2, 0));
            case 1 -> tree.put("v", random.nextBoolean() ? 1.0 : 1.5);
            case 2 -> tree.put("ts", pick(random, -1L, 0L, 253_402_300_799_999L, 253_402_300_800_000L, 1L << 62));
            case 3 -> tree.put("ts", random.nextBoolean() ? 1.7e12 : 1.5);
            case 4 -> tree.put("seq", pick(random, -1L, 9_007_199_254_740_991L, 9_007_199_254_740_992L));
            case 5 -> tree.put("fw", pick(random, "", "1", "v1.2+b_3-x", ".1", "1 2", "a".repeat(32), "a".repeat(33),
                    "1é"));
            case 6 -> tree.put(pick(random, "extra", "V", "Ts"), 1);
            case 7 -> tree.remove(pick(random, "v", "metrics", "ts", "seq", "fw"));
            case 8 -> metrics.put(name, random.nextDouble() * 1e6);
            case 9 -> metrics.put(name, pick(random, "", "on", "x".repeat(64), "x".repeat(65),
                    "😀".repeat(33), "😀".repeat(64), "😀".repeat(65)));
            case 10 -> metrics.putNull(name);
            case 11 -> metrics.putArray(name).add(1);
            case 12 -> metrics.putObject(name);
            case 13 -> metrics.removeAll();
            case 14 -> {
                for (int k = 0; k < 60 + random.nextInt(10); k++) {
                    metrics.put("m" + k, k);
                }
            }
            default -> tree.put("metrics", pick(random, "text", "1"));
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static JsonNode readOrNull(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static Stream<Path> samples(String folder) throws IOException {
        return Files.list(SAMPLES.resolve(folder)).filter(p -> p.toString().endsWith(".json")).sorted();
    }
}
