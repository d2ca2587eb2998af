package care.m2m.contracts.codec;

import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.contracts.validation.JsonPath;
import care.m2m.contracts.validation.Violation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON or CBOR payload into the one tree model the schemas validate, in a single streaming pass. This
 * is where hostile input is stopped: size, nesting, string and token limits, duplicate keys, and the CBOR
 * values JSON cannot express (byte strings, undefined, non-finite or huge numbers). Numbers are normalised
 * (a whole {@code 42.0} becomes {@code 42}) so that JSON and CBOR of the same message give equal trees.
 */
final class TreeReader {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    static final int MAX_DEPTH = 16;
    static final int MAX_STRING_CHARS = 4096;
    private static final int MAX_NAME_CHARS = 256;
    private static final int MAX_NUMBER_CHARS = 64;
    private static final int MAX_TOKENS = 20_000;
    private static final int MAX_DECIMAL_SCALE = 400;
    /** 2^63: larger magnitudes cannot be compared safely by the validator. */
    private static final double LONG_RANGE = 0x1p63;
    private static final String NUMBER_RANGE = "a finite number between -9.2E18 and 9.2E18";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory json;
    private final CBORFactory cbor;

    TreeReader() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(MAX_PAYLOAD_BYTES)
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxTokenCount(MAX_TOKENS)
                .build();
        json = JsonFactory.builder().streamReadConstraints(limits).build();
        cbor = CBORFactory.builder().streamReadConstraints(limits).build();
    }

    /**
     * The payload as an object tree.
     *
     * @throws ContractViolation MALFORMED_PAYLOAD, PAYLOAD_TOO_LARGE, or SCHEMA_VIOLATION for values that have
     *     no JSON equivalent
     */
    ObjectNode read(byte[] payload, Encoding encoding) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw ContractViolation.of(Reason.PAYLOAD_TOO_LARGE, JsonPath.ROOT,
                    "at most " + MAX_PAYLOAD_BYTES + " bytes", payload.length + " bytes");
        }
        if (payload.length == 0) {
            throw malformed(encoding, "an empty payload");
        }
        List<Violation> problems = new ArrayList<>(0);
        try (JsonParser parser = (encoding == Encoding.CBOR ? cbor : json).createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw malformed(encoding, first == null ? "nothing" : tokenWords(first));
            }
            ObjectNode root = readObject(parser, Location.ROOT, problems);
            if (parser.nextToken() != null) {
                throw malformed(encoding, "more data after the end of the message");
            }
            if (!problems.isEmpty()) {
                throw new ContractViolation(Reason.SCHEMA_VIOLATION, problems);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(encoding, where(e.getLocation(), encoding) + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw malformed(encoding, firstLine(e.getMessage()));
        }
    }

    private ObjectNode readObject(JsonParser parser, Location at, List<Violation> problems) throws IOException {
        ObjectNode object = NODES.objectNode();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Location child = new Location(at, name, -1);
            JsonNode value = readValue(parser, parser.nextToken(), child, problems);
            if (object.putIfAbsent(name, value) != null) {
                throw ContractViolation.of(Reason.MALFORMED_PAYLOAD, child.path(), "each property once",
                        "property '" + name + "' repeated");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw ContractViolation.of(Reason.MALFORMED_PAYLOAD, at.path(), "a property name", tokenWords(token));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, Location at, List<Violation> problems) throws IOException {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            array.add(readValue(parser, token, new Location(at, null, array.size()), problems));
        }
        return array;
    }

    private JsonNode readValue(JsonParser parser, JsonToken token, Location at, List<Violation> problems)
            throws IOException {
        if (token == null) {
            throw ContractViolation.of(Reason.MALFORMED_PAYLOAD, at.path(), "a value", "the end of the payload");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, at, problems);
            case START_ARRAY -> readArray(parser, at, problems);
            case VALUE_STRING -> NODES.stringNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> readNumber(parser, at, problems);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> {
                problems.add(new Violation(at.path(), "text, a number, a boolean, an array or a map",
                        embeddedWords(parser.getEmbeddedObject())));
                yield NODES.nullNode();
            }
            default -> throw ContractViolation.of(Reason.MALFORMED_PAYLOAD, at.path(), "a value", tokenWords(token));
        };
    }

    private JsonNode readNumber(JsonParser parser, Location at, List<Violation> problems) throws IOException {
        double value;
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return integral(parser.getLongValue());
            case BIG_INTEGER:
                BigInteger big = parser.getBigIntegerValue();
                if (big.bitLength() < 64) {
                    return integral(big.longValue());
                }
                problems.add(new Violation(at.path(), NUMBER_RANGE, "number " + shortNumber(big.toString())));
                return NODES.nullNode();
            case BIG_DECIMAL:
                BigDecimal decimal = parser.getDecimalValue();
                if (Math.abs(decimal.scale()) > MAX_DECIMAL_SCALE) {
                    problems.add(new Violation(at.path(), NUMBER_RANGE, "a decimal fraction with exponent " + -decimal.scale()));
                    return NODES.nullNode();
                }
                value = decimal.doubleValue();
                break;
            default:
                value = parser.getDoubleValue();
        }
        if (!Double.isFinite(value) || Math.abs(value) >= LONG_RANGE) {
            problems.add(new Violation(at.path(), NUMBER_RANGE, "number " + value));
            return NODES.nullNode();
        }
        return value == Math.rint(value) ? integral((long) value) : NODES.numberNode(value);
    }

    private static JsonNode integral(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static String embeddedWords(Object embedded) {
        if (embedded instanceof byte[] bytes) {
            return "a byte string of " + bytes.length + " bytes";
        }
        return embedded == null ? "a CBOR value without JSON equivalent"
                : "a CBOR " + embedded.getClass().getSimpleName();
    }

    private static String tokenWords(JsonToken token) {
        if (token == null) {
            return "the end of the payload";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String shortNumber(String digits) {
        return digits.length() <= 24 ? digits : digits.substring(0, 20) + "... (" + digits.length() + " digits)";
    }

    private static String where(JsonLocation location, Encoding encoding) {
        if (location == null) {
            return "";
        }
        if (encoding == Encoding.CBOR) {
            return "at byte " + location.getByteOffset() + ": ";
        }
        return "at " + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Where a value sits; the JSON path string is only built when a problem is reported. */
    private record Location(Location parent, String name, int index) {

        static final Location ROOT = new Location(null, null, -1);

        String path() {
            if (parent == null) {
                return JsonPath.ROOT;
            }
            return name != null ? JsonPath.member(parent.path(), name) : JsonPath.element(parent.path(), index);
        }
    }

    static ContractViolation malformed(Encoding encoding, String actual) {
        return ContractViolation.of(Reason.MALFORMED_PAYLOAD, JsonPath.ROOT,
                encoding == Encoding.CBOR ? "a CBOR map" : "a JSON object", actual);
    }
}
