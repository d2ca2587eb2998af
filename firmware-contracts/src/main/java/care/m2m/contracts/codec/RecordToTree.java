package care.m2m.contracts.codec;

import static care.m2m.contracts.codec.WireFields.*;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceConfig;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.messages.TipFeedback;
import care.m2m.contracts.messages.TipState;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.contracts.validation.JsonPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the wire tree of a message record, so that an outgoing message passes the same schema as an incoming
 * one before it is written. Free-form maps are written in key order, which makes encoding deterministic
 * (golden CBOR samples stay byte-identical).
 */
final class RecordToTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordToTree() {
    }

    static ObjectNode toTree(Object message) {
        ObjectNode tree = NODES.objectNode();
        tree.put(VERSION, MessageCodec.CONTRACT_VERSION);
        switch (message) {
            case Telemetry t -> telemetry(tree, t);
            case DeviceEvent e -> {
                putInstant(tree, TIMESTAMP, e.timestamp());
                tree.put(KIND, wire(e.kind()));
                putText(tree, CODE, e.code());
                putText(tree, TEXT, e.text());
                putMap(tree, DATA, e.data());
            }
            case Command c -> {
                tree.put(ID, c.id());
                tree.put(ACTION, c.action());
                putMap(tree, PARAMS, c.params());
                putInstant(tree, TIMESTAMP, c.issuedAt());
                putInstant(tree, EXPIRES, c.expiresAt());
            }
            case CommandResult r -> {
                tree.put(ID, r.id());
                putInstant(tree, TIMESTAMP, r.timestamp());
                tree.put(STATUS, wire(r.status()));
                if (r.code() != null) {
                    tree.put(CODE, r.code().intValue());
                }
                putText(tree, TEXT, r.text());
            }
            case Tip tip -> {
                tree.put(ID, tip.id());
                putInstant(tree, TIMESTAMP, tip.timestamp());
                tree.put(KIND, tip.kind());
                tree.put(TITLE, tip.title());
                tree.put(TEXT, tip.text());
            }
            case TipState state -> {
                tree.put(ID, state.id());
                putInstant(tree, TIMESTAMP, state.timestamp());
                tree.put(STATE, wire(state.state()));
            }
            case TipFeedback feedback -> {
                tree.put(ID, feedback.id());
                putInstant(tree, TIMESTAMP, feedback.timestamp());
                tree.put(STATE, wire(feedback.state()));
            }
            case DeviceConfig c -> {
                putInstant(tree, TIMESTAMP, c.timestamp());
                if (c.samplingSeconds() != null) {
                    tree.put(SAMPLING, c.samplingSeconds().intValue());
                }
                putMap(tree, SETTINGS, c.settings());
            }
            default -> throw new IllegalArgumentException("not a contract message: " + message.getClass().getName());
        }
        return tree;
    }

    private static void telemetry(ObjectNode tree, Telemetry t) {
        putInstant(tree, TIMESTAMP, t.timestamp());
        if (t.sequence() != null) {
            tree.put(SEQUENCE, t.sequence().longValue());
        }
        putText(tree, FIRMWARE, t.firmware());
        ObjectNode metrics = tree.putObject(METRICS);
        for (Map.Entry<String, MetricValue> metric : t.metrics().entrySet()) {
            metrics.set(metric.getKey(), switch (metric.getValue()) {
                case MetricValue.Num n -> number(n.value());
                case MetricValue.Bool b -> NODES.booleanNode(b.value());
                case MetricValue.Text s -> NODES.stringNode(s.value());
            });
        }
    }

    private static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p63) {
            long whole = (long) value;
            return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
        }
        return NODES.numberNode(value);
    }

    private static JsonNode finite(double value, String path) {
        if (!Double.isFinite(value)) {
            throw ContractViolation.of(Reason.SCHEMA_VIOLATION, path, "a finite number", String.valueOf(value));
        }
        return number(value);
    }

    private static void putInstant(ObjectNode tree, String field, Instant instant) {
        if (instant != null) {
            tree.put(field, instant.toEpochMilli());
        }
    }

    private static void putText(ObjectNode tree, String field, String text) {
        if (text != null) {
            tree.put(field, text);
        }
    }

    private static void putMap(ObjectNode tree, String field, Map<String, Object> map) {
        if (!map.isEmpty()) {
            tree.set(field, plain(map, JsonPath.member(JsonPath.ROOT, field)));
        }
    }

    private static String wire(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode plain(Object value, String path) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String s -> NODES.stringNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i.intValue());
            case Long l -> NODES.numberNode(l.longValue());
            case Short s -> NODES.numberNode(s.intValue());
            case Byte b -> NODES.numberNode(b.intValue());
            case BigInteger big -> NODES.numberNode(big);
            case BigDecimal decimal -> finite(decimal.doubleValue(), path);
            case Number n -> finite(n.doubleValue(), path);
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
                ObjectNode object = NODES.objectNode();
                sorted.forEach((key, item) -> object.set(key, plain(item, JsonPath.member(path, key))));
                yield object;
            }
            case Collection<?> items -> {
                ArrayNode array = NODES.arrayNode();
                for (Object item : items) {
                    array.add(plain(item, JsonPath.element(path, array.size())));
                }
                yield array;
            }
            default -> throw ContractViolation.of(Reason.SCHEMA_VIOLATION, path,
                    "text, a number, a boolean, a list or a map", value.getClass().getSimpleName());
        };
    }
}
