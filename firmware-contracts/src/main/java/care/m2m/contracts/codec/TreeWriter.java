package care.m2m.contracts.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a validated wire tree as compact JSON or CBOR. CBOR uses the smallest lossless number encodings
 * (a whole number as an integer, {@code 93.5} as a 32-bit float), which matters on constrained links.
 */
final class TreeWriter {

    private final JsonFactory json = JsonFactory.builder().build();
    private final CBORFactory cbor = CBORFactory.builder()
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_DOUBLES)
            .build();

    byte[] write(JsonNode tree, Encoding encoding) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator generator = (encoding == Encoding.CBOR ? cbor : json).createGenerator(out)) {
            writeNode(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writeNode(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    generator.writeFieldName(entry.getKey());
                    writeNode(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) {
                    writeNode(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.stringValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NUMBER -> writeNumber(generator, node);
            default -> generator.writeNull();
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isInt() || node.isLong()) {
            generator.writeNumber(node.asLong());
        } else if (node.isBigInteger()) {
            generator.writeNumber(node.bigIntegerValue());
        } else {
            generator.writeNumber(node.doubleValue());
        }
    }
}
