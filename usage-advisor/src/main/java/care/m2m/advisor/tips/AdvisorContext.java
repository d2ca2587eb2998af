package care.m2m.advisor.tips;

import care.m2m.advisor.history.TimeRange;
import care.m2m.advisor.history.UsageHistory;
import care.m2m.advisor.tariff.Tariff;
import java.util.Objects;

/**
 * Everything a generator may look at for one device: its history over a look-back window and the customer's
 * tariff. Generators see nothing else, which keeps them testable on synthetic histories.
 */
public record AdvisorContext(Device device, UsageHistory history, Tariff tariff, TimeRange window) {

    /** Days in a month for scaling benefits: 365.25 / 12. */
    public static final double DAYS_PER_MONTH = 30.44;

    public AdvisorContext {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(window, "window");
    }

    /** Scales a total over the window to a month. */
    public double perMonth(double total) {
        return total * DAYS_PER_MONTH / window.days();
    }
}
