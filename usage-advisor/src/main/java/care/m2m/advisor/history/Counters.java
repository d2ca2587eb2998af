package care.m2m.advisor.history;

import java.util.List;

/**
 * Rates from monotonic counters ({@code energy_wh_total}, {@code brew_count_total}): the increase per day
 * between the first and the last reading, so that a window with sparse readings is not under-counted.
 */
public final class Counters {

    private Counters() {
    }

    /** Increase per day, or 0 with fewer than two readings or no time between them. */
    public static double perDay(List<Point> counter) {
        if (counter.size() < 2) {
            return 0;
        }
        double days = (counter.getLast().at().getEpochSecond() - counter.getFirst().at().getEpochSecond()) / 86_400.0;
        return days <= 0 ? 0 : (counter.getLast().value() - counter.getFirst().value()) / days;
    }
}
