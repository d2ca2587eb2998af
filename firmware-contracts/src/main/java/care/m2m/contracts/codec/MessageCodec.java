package care.m2m.contracts.codec;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceConfig;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.messages.TipFeedback;
import care.m2m.contracts.messages.TipState;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.contracts.validation.JsonPath;
import care.m2m.contracts.validation.SchemaCheck;
import care.m2m.contracts.validation.TelemetryEnvelope;
import care.m2m.contracts.validation.Violation;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way in and out of the wire format of contract v1, for the gateway and the device simulator alike.
 * Decoding always runs the same three steps: read the bytes into a tree (hostile input stops here), check the
 * tree against the published JSON Schema of the message type, map it to the record. Encoding runs them in
 * reverse, so nothing is ever sent that the other side would refuse.
 *
 * <p>Thread-safe. Construction compiles the schemas and is not free: share one instance, for example
 * {@link #shared()}. Decoding never throws anything but {@link ContractViolation}, whatever the bytes.
 */
public final class MessageCodec {

    /** The value of {@code "v"} in every message of this contract. */
    public static final int CONTRACT_VERSION = 1;
    /** Largest accepted payload; larger ones are refused with {@link Reason#PAYLOAD_TOO_LARGE}. */
    public static final int MAX_PAYLOAD_BYTES = TreeReader.MAX_PAYLOAD_BYTES;
    /** Class path folder of the schema files, {@code <name>.schema.json}. */
    public static final String SCHEMA_FOLDER = "care/m2m/contracts/v1/schemas/";
    /** Expected text of the last-resort guard; seeing it means a codec bug, never a firmware bug. */
    static final String UNREADABLE = "a message this codec can read";

    private static final Map<MessageType, String> SCHEMA_NAMES = new EnumMap<>(Map.of(
            MessageType.TELEMETRY, "telemetry",
            MessageType.EVENTS, "event",
            MessageType.COMMAND_RESULTS, "command-result",
            MessageType.COMMANDS, "command",
            MessageType.TIPS, "tip",
            MessageType.CONFIG, "config",
            MessageType.TIP_STATES, "tip-state",
            MessageType.TIP_FEEDBACK, "tip-feedback"));

    private final TreeReader reader = new TreeReader();
    private final TreeWriter writer = new TreeWriter();
    private final Map<MessageType, SchemaCheck> schemas = new EnumMap<>(MessageType.class);

    public MessageCodec() {
        for (MessageType type : MessageType.values()) {
            schemas.put(type, SchemaCheck.fromClasspath(SCHEMA_FOLDER + schemaName(type) + ".schema.json"));
        }
    }

    /** A process-wide instance, created on first use. */
    public static MessageCodec shared() {
        return Shared.INSTANCE;
    }

    public Telemetry decodeTelemetry(byte[] payload, Encoding encoding) {
        return (Telemetry) decode(MessageType.TELEMETRY, payload, encoding);
    }

    public DeviceEvent decodeEvent(byte[] payload, Encoding encoding) {
        return (DeviceEvent) decode(MessageType.EVENTS, payload, encoding);
    }

    public CommandResult decodeCommandResult(byte[] payload, Encoding encoding) {
        return (CommandResult) decode(MessageType.COMMAND_RESULTS, payload, encoding);
    }

    public Command decodeCommand(byte[] payload, Encoding encoding) {
        return (Command) decode(MessageType.COMMANDS, payload, encoding);
    }

    public Tip decodeTip(byte[] payload, Encoding encoding) {
        return (Tip) decode(MessageType.TIPS, payload, encoding);
    }

    public TipState decodeTipState(byte[] payload, Encoding encoding) {
        return (TipState) decode(MessageType.TIP_STATES, payload, encoding);
    }

    public TipFeedback decodeTipFeedback(byte[] payload, Encoding encoding) {
        return (TipFeedback) decode(MessageType.TIP_FEEDBACK, payload, encoding);
    }

    public DeviceConfig decodeConfig(byte[] payload, Encoding encoding) {
        return (DeviceConfig) decode(MessageType.CONFIG, payload, encoding);
    }

    /**
     * Decodes a message of the given type; the record class follows from the type ({@link #typeOf(Object)}).
     *
     * @throws ContractViolation and nothing else, for any byte array
     */
    public Object decode(MessageType type, byte[] payload, Encoding encoding) {
        if (encoding == null) {
            throw ContractViolation.of(Reason.UNSUPPORTED_ENCODING, JsonPath.ROOT, "JSON or CBOR", "nothing");
        }
        if (payload == null) {
            throw TreeReader.malformed(encoding, "nothing");
        }
        try {
            ObjectNode tree = reader.read(payload, encoding);
            checkVersion(tree);
            if (type != MessageType.TELEMETRY || !TelemetryEnvelope.certainlyValid(tree)) {
                List<Violation> violations = schemas.get(type).check(tree);
                if (!violations.isEmpty()) {
                    throw new ContractViolation(Reason.SCHEMA_VIOLATION, violations);
                }
            }
            return TreeToRecord.toRecord(type, tree);
        } catch (ContractViolation e) {
            throw e;
        } catch (RuntimeException e) {
            throw ContractViolation.of(Reason.MALFORMED_PAYLOAD, JsonPath.ROOT, UNREADABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Encodes any of the message records.
     *
     * @throws ContractViolation SCHEMA_VIOLATION if the record breaks the contract (a tip title too long, an empty
     *     metrics map): the device would refuse it, so it is never written
     * @throws IllegalArgumentException if {@code message} is not a contract message
     */
    public byte[] encode(Object message, Encoding encoding) {
        MessageType type = typeOf(message);
        ObjectNode tree = RecordToTree.toTree(message);
        List<Violation> violations = schemas.get(type).check(tree);
        if (!violations.isEmpty()) {
            throw new ContractViolation(Reason.SCHEMA_VIOLATION, violations);
        }
        return writer.write(tree, encoding);
    }

    /** The message type, hence the topic segment, of a message record. */
    public static MessageType typeOf(Object message) {
        return switch (message) {
            case Telemetry t -> MessageType.TELEMETRY;
            case DeviceEvent e -> MessageType.EVENTS;
            case CommandResult r -> MessageType.COMMAND_RESULTS;
            case Command c -> MessageType.COMMANDS;
            case Tip t -> MessageType.TIPS;
            case DeviceConfig c -> MessageType.CONFIG;
            case TipState s -> MessageType.TIP_STATES;
            case TipFeedback f -> MessageType.TIP_FEEDBACK;
            case null -> throw new IllegalArgumentException("no message");
            default -> throw new IllegalArgumentException("not a contract message: " + message.getClass().getName());
        };
    }

    /** The schema and sample name of a message type: telemetry, event, command-result, command, tip, config,
     * tip-state, tip-feedback. */
    public static String schemaName(MessageType type) {
        return SCHEMA_NAMES.get(type);
    }

    /** The message type of a schema name, or of a topic segment ({@code events} as well as {@code event}). */
    public static Optional<MessageType> typeOfName(String name) {
        return Arrays.stream(MessageType.values())
                .filter(type -> schemaName(type).equals(name) || type.segment().equals(name))
                .findFirst();
    }

    private static void checkVersion(JsonNode tree) {
        JsonNode version = tree.get(WireFields.VERSION);
        if (version != null && version.isNumber()
                && !(version.isIntegralNumber() && version.asLong() == CONTRACT_VERSION)) {
            throw ContractViolation.of(Reason.UNSUPPORTED_VERSION, JsonPath.member(JsonPath.ROOT, WireFields.VERSION),
                    "contract version " + CONTRACT_VERSION, String.valueOf(version));
        }
    }

    private static final class Shared {
        static final MessageCodec INSTANCE = new MessageCodec();
    }
}
