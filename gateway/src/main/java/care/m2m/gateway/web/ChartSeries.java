package care.m2m.gateway.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Telemetry shaped for the chart: one list of times and, per numeric metric, one list of values aligned to
 * them (null where a reading lacks that metric). Text readings (a state, say) are left out.
 */
final class ChartSeries {

    private final JsonArray times = new JsonArray();
    private final JsonObject series = new JsonObject();

    /** Adds one reading; {@code values} maps metric names to raw values. */
    ChartSeries add(String time, Map<String, ?> values) {
        int index = times.size();
        times.add(time);
        for (Map.Entry<String, ?> v : values.entrySet()) {
            if (v.getValue() instanceof Number n) {
                JsonArray column = series.getJsonArray(v.getKey());
                if (column == null) {
                    column = new JsonArray();
                    for (int j = 0; j < index; j++) {
                        column.addNull();
                    }
                    series.put(v.getKey(), column);
                }
                column.add(n.doubleValue());
            }
        }
        series.forEach(e -> {
            JsonArray column = (JsonArray) e.getValue();
            while (column.size() < index + 1) {
                column.addNull();
            }
        });
        return this;
    }

    int size() {
        return times.size();
    }

    JsonObject toJson() {
        return new JsonObject().put("times", times).put("series", series);
    }
}
