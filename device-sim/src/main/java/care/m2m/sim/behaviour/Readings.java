package care.m2m.sim.behaviour;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.MetricSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds one telemetry sample the way firmware reads its sensors: every value is rounded to the sensor's
 * resolution and saturates at the model's declared range, like an analogue input at the end of its scale.
 */
final class Readings {

    private final DeviceModel model;
    private final Map<String, MetricValue> values = new LinkedHashMap<>();

    Readings(DeviceModel model) {
        this.model = model;
    }

    Readings number(String name, double value, int decimals) {
        double scale = Math.pow(10, decimals);
        values.put(name, MetricValue.of(clamp(spec(name), Math.round(value * scale) / scale)));
        return this;
    }

    Readings integer(String name, double value) {
        values.put(name, MetricValue.of(clamp(spec(name), Math.floor(value))));
        return this;
    }

    Readings bool(String name, boolean value) {
        spec(name);
        values.put(name, MetricValue.of(value));
        return this;
    }

    Readings text(String name, String value) {
        MetricSpec spec = spec(name);
        if (!spec.values().contains(value)) {
            throw new IllegalStateException("model " + model.id() + ", metric " + name + ": expected one of "
                    + spec.values() + ", the simulation produced " + value);
        }
        values.put(name, MetricValue.of(value));
        return this;
    }

    Map<String, MetricValue> map() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private MetricSpec spec(String name) {
        return model.metric(name).orElseThrow(() -> new IllegalStateException(
                "model " + model.id() + " declares no metric " + name + " that the simulation reports"));
    }

    private static double clamp(MetricSpec spec, double value) {
        double low = spec.min() == null ? value : Math.max(spec.min(), value);
        return spec.max() == null ? low : Math.min(spec.max(), low);
    }
}
