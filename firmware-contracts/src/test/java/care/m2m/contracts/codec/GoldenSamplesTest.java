package care.m2m.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.TelemetryValidator;
import care.m2m.contracts.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden samples are the contract's examples for firmware teams: every valid one must decode (JSON and CBOR
 * to the same record), survive a round trip and fit its device model; every invalid one must fail with exactly
 * the reason and paths its {@code .expected.txt} names.
 */
class GoldenSamplesTest {

    private static final Path VALID = GoldenCborWriter.SAMPLES.resolve("valid");
    private static final Path INVALID = GoldenCborWriter.SAMPLES.resolve("invalid");
    private final MessageCodec codec = MessageCodec.shared();

    static Stream<String> validSamples() throws IOException {
        return names(VALID, ".json");
    }

    static Stream<String> invalidSamples() throws IOException {
        return names(INVALID, ".expected.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void valid_sample_decodes_the_same_from_json_and_cbor_and_round_trips(String name) throws IOException {
        MessageType type = GoldenCborWriter.typeOfSample(name);
        Object fromJson = codec.decode(type, Files.readAllBytes(VALID.resolve(name + ".json")), Encoding.JSON);
        byte[] cbor = Files.readAllBytes(VALID.resolve(name + ".cbor"));
        Object fromCbor = codec.decode(type, cbor, Encoding.CBOR);

        assertThat(fromCbor).isEqualTo(fromJson);
        assertThat(codec.decode(type, codec.encode(fromJson, Encoding.JSON), Encoding.JSON)).isEqualTo(fromJson);
        assertThat(codec.encode(fromJson, Encoding.CBOR)).as("committed CBOR twin is current").isEqualTo(cbor);
        Path model = VALID.resolve(name + ".model.txt");
        if (Files.exists(model)) {
            checkAgainstModel(DeviceModels.builtIn().require(Files.readString(model).strip()), fromJson);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void invalid_sample_fails_with_exactly_the_expected_reason_and_paths(String name) throws IOException {
        Expected expected = Expected.read(INVALID.resolve(name + ".expected.txt"));
        Path json = INVALID.resolve(name + ".json");
        Path sample = Files.exists(json) ? json : INVALID.resolve(name + ".cbor");
        byte[] payload = Files.readAllBytes(sample);
        Encoding encoding = sample.toString().endsWith(".cbor") ? Encoding.CBOR : Encoding.JSON;

        ContractViolation violation = catchThrowableOfType(ContractViolation.class, () -> {
            Object message = codec.decode(GoldenCborWriter.typeOfSample(name), payload, encoding);
            if (expected.model() != null) {
                checkAgainstModel(DeviceModels.builtIn().require(expected.model()), message);
            }
        });

        assertThat(violation).as("%s must be refused", name).isNotNull();
        assertThat(violation.reason()).as(violation.getMessage()).isEqualTo(expected.reason());
        assertThat(violation.violations()).extracting(Violation::path).as(violation.getMessage())
                .containsExactlyInAnyOrderElementsOf(expected.paths());
    }

    @Test
    void every_message_type_has_a_valid_sample_and_every_sample_a_cbor_twin() throws IOException {
        List<String> valid = validSamples().toList();
        assertThat(Arrays.stream(MessageType.values()).map(MessageCodec::schemaName))
                .allSatisfy(type -> assertThat(valid).anyMatch(n -> GoldenCborWriter.typeOfSample(n + ".json")
                        .equals(MessageCodec.typeOfName(type).orElseThrow())));
        for (Map.Entry<Path, byte[]> file : GoldenCborWriter.expectedFiles(GoldenCborWriter.SAMPLES).entrySet()) {
            assertThat(file.getKey()).as("run GoldenCborWriter").exists();
            assertThat(Files.readAllBytes(file.getKey())).as("run GoldenCborWriter: %s", file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void every_invalid_sample_has_its_expectation() throws IOException {
        List<String> expectations = invalidSamples().toList();
        Stream.concat(names(INVALID, ".json"), names(INVALID, ".cbor"))
                .forEach(sample -> assertThat(expectations).contains(sample));
    }

    private static void checkAgainstModel(DeviceModel model, Object message) {
        if (message instanceof Telemetry telemetry) {
            TelemetryValidator.check(model, telemetry);
        } else if (message instanceof DeviceEvent event) {
            TelemetryValidator.check(model, event);
        }
    }

    private static Stream<String> names(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(suffix))
                    .map(f -> f.substring(0, f.length() - suffix.length())).sorted().toList().stream();
        }
    }

    /** An {@code .expected.txt}: {@code reason: X}, optional {@code model: ID}, then {@code path: $...} lines. */
    private record Expected(ContractViolation.Reason reason, String model, List<String> paths) {

        static Expected read(Path file) throws IOException {
            ContractViolation.Reason reason = null;
            String model = null;
            List<String> paths = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.split(":", 2);
                switch (kv[0].strip()) {
                    case "reason" -> reason = ContractViolation.Reason.valueOf(kv[1].strip());
                    case "model" -> model = kv[1].strip();
                    case "path" -> paths.add(kv[1].strip());
                    default -> {
                    }
                }
            }
            return new Expected(reason, model, paths);
        }
    }
}
