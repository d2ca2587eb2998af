package care.m2m.contracts.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a model file that already passed {@code model.schema.json} to the records; field names are the
 * snake_case ones of the file format.
 */
final class ModelReader {

    static final int DEFAULT_SAMPLING_SECONDS = 60;

    private ModelReader() {
    }

    static DeviceModel read(JsonNode tree) {
        List<MetricSpec> metrics = new ArrayList<>();
        for (JsonNode m : tree.get("metrics")) {
            metrics.add(new MetricSpec(m.get("name").stringValue(), text(m, "unit"),
                    MetricSpec.Type.valueOf(upper(m.get("type").stringValue())), number(m, "min"), number(m, "max"),
                    strings(m.get("values")), m.has("sampling_s") ? m.get("sampling_s").asInt() : DEFAULT_SAMPLING_SECONDS,
                    m.has("counter") && m.get("counter").booleanValue(), m.get("description").stringValue()));
        }
        List<FaultSpec> faults = new ArrayList<>();
        for (JsonNode f : tree.get("faults")) {
            faults.add(new FaultSpec(f.get("code").stringValue(), f.get("meaning").stringValue(),
                    FaultSpec.Severity.valueOf(upper(f.get("severity").stringValue())), strings(f.get("repair_actions")),
                    text(f, "customer_tip")));
        }
        List<ActionSpec> actions = new ArrayList<>();
        for (JsonNode a : tree.get("actions")) {
            Map<String, String> params = new LinkedHashMap<>();
            if (a.has("params")) {
                a.get("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().stringValue()));
            }
            actions.add(new ActionSpec(a.get("name").stringValue(), a.get("description").stringValue(),
                    a.get("expected_s").asLong(), params));
        }
        return new DeviceModel(tree.get("id").stringValue(), tree.get("name").stringValue(),
                tree.get("category").stringValue(), tree.get("description").stringValue(), metrics, faults, actions);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.stringValue();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.doubleValue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(item.stringValue()));
        }
        return out;
    }

    private static String upper(String wireName) {
        return wireName.toUpperCase(Locale.ROOT);
    }
}
