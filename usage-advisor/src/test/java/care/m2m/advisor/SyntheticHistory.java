package care.m2m.advisor;

import care.m2m.advisor.history.InMemoryUsageHistory;
import care.m2m.advisor.history.TimeRange;
import care.m2m.advisor.tariff.Tariff;
import care.m2m.advisor.tips.AdvisorContext;
import care.m2m.advisor.tips.Device;
import care.m2m.contracts.models.DeviceModels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Builds synthetic device histories for the generator specifications, in Brussels local time. */
public final class SyntheticHistory {

    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** Monday 8 January 2024, midnight in Brussels. */
    public static final LocalDateTime MONDAY = LocalDateTime.of(2024, 1, 8, 0, 0);

    private final InMemoryUsageHistory history = new InMemoryUsageHistory();
    private final Device device;

    private SyntheticHistory(Device device) {
        this.device = device;
    }

    /** A history for a device of one of the built-in models. */
    public static SyntheticHistory of(String modelId) {
        return new SyntheticHistory(new Device("dev-1", DeviceModels.builtIn().require(modelId)));
    }

    /** The instant of a Brussels wall-clock time {@code day} days after {@link #MONDAY}. */
    public static Instant local(int day, int hour, int minute) {
        return MONDAY.plusDays(day).withHour(hour).withMinute(minute).atZone(BRUSSELS).toInstant();
    }

    public SyntheticHistory value(String metric, Instant at, double value) {
        history.add(device.id(), metric, at, value);
        return this;
    }

    public SyntheticHistory state(String metric, Instant at, String value) {
        history.addState(device.id(), metric, at, value);
        return this;
    }

    /** A constant power for a while, one reading a minute, then 0 W. */
    public SyntheticHistory power(Instant from, Duration length, double watts) {
        for (long m = 0; m < length.toMinutes(); m++) {
            value("power_w", from.plusSeconds(60 * m), watts);
        }
        return value("power_w", from.plus(length), 0);
    }

    /**
     * A wash: 30 minutes heating at {@code heatW}, then 90 minutes of tumbling at 150 W, the program selected a
     * minute before, the water reaching {@code waterC}.
     */
    public SyntheticHistory wash(Instant start, String program, double heatW, double waterC) {
        state("program", start.minusSeconds(60), program);
        power(start, Duration.ofMinutes(30), heatW);
        power(start.plus(Duration.ofMinutes(30)), Duration.ofMinutes(90), 150);
        value("water_temp_c", start.plus(Duration.ofMinutes(25)), waterC);
        return state("program", start.plus(Duration.ofMinutes(121)), "none");
    }

    public Device device() {
        return device;
    }

    public InMemoryUsageHistory history() {
        return history;
    }

    /** The advisor's view of the first {@code days} days from {@link #MONDAY}. */
    public AdvisorContext context(Tariff tariff, int days) {
        TimeRange window = new TimeRange(local(0, 0, 0), local(days, 0, 0));
        return new AdvisorContext(device, history, tariff, window);
    }
}
