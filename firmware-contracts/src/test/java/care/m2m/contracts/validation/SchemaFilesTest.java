package care.m2m.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published schema files are what firmware teams validate against; they must keep the v1 promises. */
class SchemaFilesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void every_schema_is_draft_2020_12_versioned_and_closed(MessageType type) throws IOException {
        JsonNode schema = schema(type);

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").booleanValue()).isFalse();
        assertThat(schema.at("/properties/v/const").asInt()).isEqualTo(MessageCodec.CONTRACT_VERSION);
        assertThat(schema.get("required").toString()).contains("\"v\"");
    }

    @Test
    void message_ids_follow_the_device_id_rule() throws IOException {
        String deviceIdPattern = "^" + Topics.DEVICE_ID.pattern() + "$";

        assertThat(schema(MessageType.COMMANDS).at("/$defs/id/pattern").stringValue()).isEqualTo(deviceIdPattern);
        assertThat(schema(MessageType.COMMAND_RESULTS).at("/properties/id/pattern").stringValue())
                .isEqualTo(deviceIdPattern);
        assertThat(schema(MessageType.TIPS).at("/properties/id/pattern").stringValue()).isEqualTo(deviceIdPattern);
    }

    @Test
    void telemetry_allows_at_most_64_metrics() throws IOException {
        assertThat(schema(MessageType.TELEMETRY).at("/properties/metrics/maxProperties").asInt()).isEqualTo(64);
    }

    private static JsonNode schema(MessageType type) throws IOException {
        String resource = MessageCodec.SCHEMA_FOLDER + MessageCodec.schemaName(type) + ".schema.json";
        try (InputStream in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        }
    }
}
