package care.m2m.advisor.shifting;

import care.m2m.advisor.cycles.CycleDetector;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cycles of a product category can wait, how to find them and how long they may wait. Data, not code,
 * so that a new product category needs a line here, not a new generator.
 *
 * @param category device-model category it applies to
 * @param name what the customer calls one cycle, for the advice text
 * @param onlyInState when set, only power drawn while the {@code state} metric has this value counts
 * @param detector how cycles are cut from {@code power_w}
 * @param flexHours how much later than recorded a cycle may finish
 */
public record ShiftableLoad(String category, String name, Optional<String> onlyInState, CycleDetector detector,
                            int flexHours) {

    /** Wash programs: finish up to 8 hours later (delay start). */
    public static final ShiftableLoad WASHING = new ShiftableLoad("washing_machine", "wash cycles", Optional.empty(),
            new CycleDetector(50, Duration.ofMinutes(10), Duration.ofMinutes(20)), 8);
    /** EV charging sessions: finish up to 10 hours later (overnight). */
    public static final ShiftableLoad EV_CHARGING = new ShiftableLoad("ev_charger", "charging sessions",
            Optional.empty(), new CycleDetector(1000, Duration.ofMinutes(15), Duration.ofMinutes(30)), 10);
    /** Heat-pump hot-water boosts: finish up to 4 hours later; the tank holds the heat. */
    public static final ShiftableLoad HOT_WATER_BOOST = new ShiftableLoad("heat_pump", "hot-water boosts",
            Optional.of("dhw"), new CycleDetector(300, Duration.ofMinutes(5), Duration.ofMinutes(15)), 4);

    public ShiftableLoad {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(onlyInState, "onlyInState");
        Objects.requireNonNull(detector, "detector");
        if (flexHours < 1) {
            throw new IllegalArgumentException("shiftable load " + name + ": expected at least 1 flexible hour, got "
                    + flexHours);
        }
    }
}
