package care.m2m.contracts.fuzz;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.topics.Topics;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.SchemaCheck;
import care.m2m.contracts.validation.TelemetryEnvelope;
import care.m2m.contracts.validation.TelemetryValidator;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coverage-guided fuzzing (Jazzer) of everything a device's bytes reach in the contract: both encodings of
 * every uplink message type, the model check, and topic parsing. The only acceptable outcome of bad input is
 * a {@link ContractViolation}; any other exception is a crash that Jazzer reports with the input that caused
 * it (keep that input as a regression seed). In the normal test run the fuzz tests replay their seeds; with
 * {@code JAZZER_FUZZ=1} they fuzz for their time budget (see firmware-contracts/README.md).
 */
class DecoderFuzzTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final ModelCatalog MODELS = DeviceModels.builtIn();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaCheck TELEMETRY_SCHEMA =
            SchemaCheck.fromClasspath(MessageCodec.SCHEMA_FOLDER + "telemetry.schema.json");

    @FuzzTest(maxDuration = "30s")
    void uplinkDecodersOnlyEverRefuseWithAContractViolation(FuzzedDataProvider data) {
        Encoding encoding = data.consumeBoolean() ? Encoding.JSON : Encoding.CBOR;
        int type = data.consumeInt(0, 2);
        byte[] payload = data.consumeRemainingAsBytes();
        try {
            switch (type) {
                case 0 -> TelemetryValidator.check(MODELS.require("coffee-espresso-x1"), CODEC.decodeTelemetry(payload, encoding));
                case 1 -> TelemetryValidator.check(MODELS.require("heatpump-air-w9"), CODEC.decodeEvent(payload, encoding));
                default -> CODEC.decodeCommandResult(payload, encoding);
            }
        } catch (ContractViolation expected) {
            // a clear refusal is the contract's answer to bad input
        }
    }

    /** The gateway's fast telemetry check may never accept a tree the published schema refuses. */
    @FuzzTest(maxDuration = "10s")
    void fastTelemetryCheckNeverAcceptsWhatTheSchemaRefuses(FuzzedDataProvider data) {
        JsonNode tree;
        try {
            tree = JSON.readTree(data.consumeRemainingAsString());
        } catch (RuntimeException notJson) {
            return;
        }
        if (tree instanceof ObjectNode object && TelemetryEnvelope.certainlyValid(object)
                && !TELEMETRY_SCHEMA.check(object).isEmpty()) {
            throw new AssertionError("fast path accepted what the schema refuses: " + object);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void topicParsingOnlyEverRefusesWithAContractViolation(FuzzedDataProvider data) {
        try {
            Topics.parseMqtt(data.consumeRemainingAsString());
        } catch (ContractViolation expected) {
            // refused with a reason
        }
    }
}
