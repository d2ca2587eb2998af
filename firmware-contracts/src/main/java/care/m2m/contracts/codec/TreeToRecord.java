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
import care.m2m.contracts.messages.TipStatus;
import care.m2m.contracts.topics.MessageType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a tree that already passed its schema to the message record. Because the schema ran first, this code
 * can trust types and presence; it never decides whether a message is valid.
 */
final class TreeToRecord {

    private TreeToRecord() {
    }

    static Object toRecord(MessageType type, JsonNode tree) {
        return switch (type) {
            case TELEMETRY -> telemetry(tree);
            case EVENTS -> event(tree);
            case COMMAND_RESULTS -> commandResult(tree);
            case COMMANDS -> command(tree);
            case TIPS -> tip(tree);
            case CONFIG -> config(tree);
            case TIP_STATES -> new TipState(tree.get(ID).stringValue(), instant(tree, TIMESTAMP), tipStatus(tree));
            case TIP_FEEDBACK -> new TipFeedback(tree.get(ID).stringValue(), instant(tree, TIMESTAMP), tipStatus(tree));
        };
    }

    private static Telemetry telemetry(JsonNode tree) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> metric : tree.get(METRICS).properties()) {
            metrics.put(metric.getKey(), metricValue(metric.getValue()));
        }
        JsonNode seq = tree.get(SEQUENCE);
        return new Telemetry(instant(tree, TIMESTAMP), seq == null ? null : seq.asLong(), text(tree, FIRMWARE),
                metrics);
    }

    private static MetricValue metricValue(JsonNode value) {
        if (value.isBoolean()) {
            return MetricValue.of(value.booleanValue());
        }
        if (value.isNumber()) {
            return MetricValue.of(value.doubleValue());
        }
        return MetricValue.of(value.stringValue());
    }

    private static DeviceEvent event(JsonNode tree) {
        DeviceEvent.Kind kind = DeviceEvent.Kind.valueOf(upper(tree.get(KIND).stringValue()));
        return new DeviceEvent(instant(tree, TIMESTAMP), kind, text(tree, CODE), text(tree, TEXT), map(tree, DATA));
    }

    private static Command command(JsonNode tree) {
        return new Command(tree.get(ID).stringValue(), tree.get(ACTION).stringValue(), map(tree, PARAMS),
                instant(tree, TIMESTAMP), instant(tree, EXPIRES));
    }

    private static CommandResult commandResult(JsonNode tree) {
        CommandResult.Status status = CommandResult.Status.valueOf(upper(tree.get(STATUS).stringValue()));
        JsonNode code = tree.get(CODE);
        return new CommandResult(tree.get(ID).stringValue(), instant(tree, TIMESTAMP), status,
                code == null ? null : (int) code.asLong(), text(tree, TEXT));
    }

    private static Tip tip(JsonNode tree) {
        return new Tip(tree.get(ID).stringValue(), instant(tree, TIMESTAMP), tree.get(KIND).stringValue(),
                tree.get(TITLE).stringValue(), tree.get(TEXT).stringValue());
    }

    private static TipStatus tipStatus(JsonNode tree) {
        return TipStatus.valueOf(upper(tree.get(STATE).stringValue()));
    }

    private static DeviceConfig config(JsonNode tree) {
        JsonNode sampling = tree.get(SAMPLING);
        return new DeviceConfig(instant(tree, TIMESTAMP), sampling == null ? null : (int) sampling.asLong(),
                map(tree, SETTINGS));
    }

    private static Instant instant(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null ? null : Instant.ofEpochMilli(node.asLong());
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null ? null : node.stringValue();
    }

    private static String upper(String wireName) {
        return wireName.toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> map(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node);
        return map;
    }

    /** Free-form values: objects keep their order, whole numbers become Long, others Double. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), plain(entry.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(plain(item));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isString() ? node.stringValue() : null;
    }
}
