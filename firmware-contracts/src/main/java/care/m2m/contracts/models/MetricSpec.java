package care.m2m.contracts.models;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a device model promises about one metric: its unit, type and valid range. The gateway rejects readings
 * outside it, diagnosis rules refer to it by name, and the web pages label charts with it.
 *
 * @param name metric name as sent in telemetry, for example {@code boiler_temp_c}
 * @param unit unit symbol for display ({@code °C}, {@code bar}); empty when dimensionless
 * @param type how values are typed on the wire
 * @param min lowest valid value, or null for no bound (numbers and integers only)
 * @param max highest valid value, or null for no bound (numbers and integers only)
 * @param values the allowed values of an {@link Type#ENUM} metric, empty otherwise
 * @param samplingSeconds how often the firmware samples it by default
 * @param counter true for a monotonic total (energy, cycles) that only resets with the device
 * @param description what it measures, for technicians
 */
public record MetricSpec(String name, String unit, Type type, Double min, Double max, List<String> values,
                         int samplingSeconds, boolean counter, String description) {

    /** Wire types of metrics: a number, a whole number, true/false, or one of a fixed set of words. */
    public enum Type { NUMBER, INTEGER, BOOLEAN, ENUM }

    /**
     * Names no metric may have: the stores keep a reading's time, device and model under them, beside its
     * metrics (InfluxDB would store such a field next to the tag and make every later query ambiguous).
     */
    public static final Set<String> RESERVED_NAMES = Set.of("time", "device", "model");

    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (RESERVED_NAMES.contains(name)) {
            throw new IllegalArgumentException("metric " + name + ": the name is reserved ("
                    + new TreeSet<>(RESERVED_NAMES) + "): the stores keep a reading's time, device and model under"
                    + " these names");
        }
        unit = unit == null ? "" : unit;
        values = values == null ? List.of() : List.copyOf(values);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("metric " + name + ": min " + min + " is above max " + max);
        }
        if ((type == Type.ENUM) == values.isEmpty()) {
            throw new IllegalArgumentException("metric " + name + ": values are required for, and only for, ENUM");
        }
        if (samplingSeconds < 1) {
            throw new IllegalArgumentException("metric " + name + ": samplingSeconds must be positive");
        }
    }

    /** True when readings are numbers on the wire (NUMBER or INTEGER). */
    public boolean isNumeric() {
        return type == Type.NUMBER || type == Type.INTEGER;
    }
}
