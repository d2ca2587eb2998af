package care.m2m.contracts.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceConfig;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.contracts.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_732_456_800_000L);
    private final MessageCodec codec = MessageCodec.shared();

    @Test
    void decodes_the_readme_telemetry_example_into_typed_metrics() {
        byte[] json = """
                {"v":1,"ts":1732456800000,"seq":42,"fw":"1.4.2",
                 "metrics":{"boiler_temp_c":93.5,"state":"ready","door_locked":true}}""".getBytes(UTF_8);

        Telemetry telemetry = codec.decodeTelemetry(json, Encoding.JSON);

        assertThat(telemetry.timestamp()).isEqualTo(TS);
        assertThat(telemetry.sequence()).isEqualTo(42L);
        assertThat(telemetry.firmware()).isEqualTo("1.4.2");
        assertThat(telemetry.metrics()).containsExactly(
                Map.entry("boiler_temp_c", MetricValue.of(93.5)),
                Map.entry("state", MetricValue.of("ready")),
                Map.entry("door_locked", MetricValue.of(true)));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void every_message_type_survives_encode_then_decode(Encoding encoding) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("brew_count_total", MetricValue.of(2381));
        metrics.put("pump_pressure_bar", MetricValue.of(9.1));
        List<Object> messages = List.of(
                new Telemetry(TS, 7L, "1.4.2", metrics),
                new DeviceEvent(TS, DeviceEvent.Kind.ERROR, "E_GRINDER_JAM", "stalled",
                        Map.of("retries", 2L, "phases", List.of("grind", "stop"), "detail", Map.of("amps", 7.75))),
                new Command("cmd-1", "descale_cycle", Map.of("intensity", "normal"), TS, TS.plusSeconds(3600)),
                new CommandResult("cmd-1", TS, CommandResult.Status.FAILED, -2, "no descaler"),
                new Tip("tip-1", TS, "self_service", "Time to descale", "Start the descale program."),
                new DeviceConfig(TS, 30, Map.of("eco_mode", true)));

        for (Object message : messages) {
            MessageType type = MessageCodec.typeOf(message);
            assertThat(codec.decode(type, codec.encode(message, encoding), encoding)).isEqualTo(message);
        }
    }

    @Test
    void the_typed_decode_methods_return_their_record() {
        Command command = new Command("cmd-2", "reboot", Map.of(), null, null);
        CommandResult result = new CommandResult("cmd-2", null, CommandResult.Status.ACCEPTED, null, null);
        Tip tip = new Tip("t-1", null, "notice", "Heads up", "Service visit on Monday.");
        DeviceConfig config = new DeviceConfig(null, 60, Map.of());
        DeviceEvent boot = new DeviceEvent(null, DeviceEvent.Kind.BOOT, null, null, Map.of());

        assertThat(codec.decodeCommand(codec.encode(command, Encoding.CBOR), Encoding.CBOR)).isEqualTo(command);
        assertThat(codec.decodeCommandResult(codec.encode(result, Encoding.JSON), Encoding.JSON)).isEqualTo(result);
        assertThat(codec.decodeTip(codec.encode(tip, Encoding.JSON), Encoding.JSON)).isEqualTo(tip);
        assertThat(codec.decodeConfig(codec.encode(config, Encoding.CBOR), Encoding.CBOR)).isEqualTo(config);
        assertThat(codec.decodeEvent(codec.encode(boot, Encoding.JSON), Encoding.JSON)).isEqualTo(boot);
    }

    @Test
    void encodes_compact_json_with_whole_numbers_as_integers() {
        Telemetry telemetry = new Telemetry(TS, null, null, Map.of("brew_count_total", MetricValue.of(2381)));

        assertThat(new String(codec.encode(telemetry, Encoding.JSON), UTF_8))
                .isEqualTo("{\"v\":1,\"ts\":1732456800000,\"metrics\":{\"brew_count_total\":2381}}");
    }

    @Test
    void refuses_to_encode_a_message_the_device_would_refuse() {
        Tip tooLong = new Tip("tip-1", TS, "notice", "x".repeat(81), "text");

        ContractViolation e = catchThrowableOfType(ContractViolation.class, () -> codec.encode(tooLong, Encoding.JSON));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).containsExactly(
                new Violation("$.title", "at most 80 characters", "text of 81 characters"));
        assertThatThrownBy(() -> codec.encode("not a message", Encoding.JSON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_version_other_than_1_is_unsupported_before_anything_else_is_checked() {
        ContractViolation e = decodeFailure("{\"v\":2,\"totally\":\"different\"}", Encoding.JSON);

        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(e.violations()).containsExactly(new Violation("$.v", "contract version 1", "2"));
        assertThat(decodeFailure("{\"v\":\"1\",\"metrics\":{\"a\":1}}", Encoding.JSON).reason())
                .isEqualTo(Reason.SCHEMA_VIOLATION);
    }

    @Test
    void a_whole_number_written_as_float_is_a_valid_integer() {
        Telemetry telemetry = codec.decodeTelemetry(
                "{\"v\":1.0,\"ts\":1.7324568E12,\"metrics\":{\"a\":1}}".getBytes(UTF_8), Encoding.JSON);

        assertThat(telemetry.timestamp()).isEqualTo(Instant.ofEpochMilli(1_732_456_800_000L));
    }

    @Test
    void oversized_empty_and_null_payloads_are_refused_with_their_reason() {
        assertThat(decodeFailure(new byte[MessageCodec.MAX_PAYLOAD_BYTES + 1], Encoding.CBOR).reason())
                .isEqualTo(Reason.PAYLOAD_TOO_LARGE);
        assertThat(decodeFailure(new byte[0], Encoding.JSON).violations())
                .containsExactly(new Violation("$", "a JSON object", "an empty payload"));
        assertThat(decodeFailure((byte[]) null, Encoding.CBOR).reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(catchThrowableOfType(ContractViolation.class,
                () -> codec.decodeTelemetry(new byte[] {'{', '}'}, null)).reason())
                .isEqualTo(Reason.UNSUPPORTED_ENCODING);
    }

    @Test
    void a_string_beyond_the_parser_limit_is_malformed_not_a_memory_problem() {
        String huge = "x".repeat(TreeReader.MAX_STRING_CHARS + 1);

        ContractViolation e = decodeFailure("{\"v\":1,\"fw\":\"" + huge + "\"}", Encoding.JSON);

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(e.violations().getFirst().actual()).contains("String value length");
    }

    @Test
    void cbor_values_without_a_json_equivalent_are_schema_violations_at_their_path() {
        // {"v":1,"metrics":{"a": NaN as a half float, "b": 2^80 as a bignum (tag 2)}}
        byte[] cbor = {(byte) 0xA2, 0x61, 'v', 0x01, 0x67, 'm', 'e', 't', 'r', 'i', 'c', 's', (byte) 0xA2,
                0x61, 'a', (byte) 0xF9, 0x7E, 0x00,
                0x61, 'b', (byte) 0xC2, 0x4B, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        ContractViolation e = decodeFailure(cbor, Encoding.CBOR);

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).extracting(Violation::path).containsExactly("$.metrics.a", "$.metrics.b");
    }

    @Test
    void names_of_message_types_follow_the_schema_files_and_topic_segments() {
        assertThat(MessageCodec.schemaName(MessageType.COMMAND_RESULTS)).isEqualTo("command-result");
        assertThat(MessageCodec.typeOfName("event")).contains(MessageType.EVENTS);
        assertThat(MessageCodec.typeOfName("events")).contains(MessageType.EVENTS);
        assertThat(MessageCodec.typeOfName("gossip")).isEmpty();
        assertThat(MessageCodec.typeOf(new Tip("t", null, "k", "t", "t"))).isEqualTo(MessageType.TIPS);
    }

    @Test
    void one_shared_codec_serves_many_threads_at_once() throws Exception {
        Telemetry telemetry = new Telemetry(TS, 1L, "1.4.2", Map.of("boiler_temp_c", MetricValue.of(93.5)));
        byte[] cbor = codec.encode(telemetry, Encoding.CBOR);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> IntStream.range(0, 500)
                        .allMatch(i -> codec.decodeTelemetry(cbor, Encoding.CBOR).equals(telemetry))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private ContractViolation decodeFailure(String payload, Encoding encoding) {
        return decodeFailure(payload.getBytes(UTF_8), encoding);
    }

    private ContractViolation decodeFailure(byte[] payload, Encoding encoding) {
        ContractViolation e = catchThrowableOfType(ContractViolation.class,
                () -> codec.decodeTelemetry(payload, encoding));
        assertThat(e).as("decode must fail").isNotNull();
        return e;
    }
}
