package care.m2m.advisor.tariff;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A day-ahead price curve: one price per hour, each known from its publication time on. Stored as a dense
 * array of hours so that the evaluation's millions of look-ups stay cheap; hours without a price (missing
 * data, the hour skipped when clocks go forward) have none.
 */
public final class PriceSeries implements Tariff {

    private static final Duration HOUR = Duration.ofHours(1);
    private final Instant first;
    private final double[] eurPerKwh;
    private final DayAheadPublication publication;

    private PriceSeries(Instant first, double[] eurPerKwh, DayAheadPublication publication) {
        this.first = first;
        this.eurPerKwh = eurPerKwh;
        this.publication = publication;
    }

    /**
     * A series from hourly prices keyed by the instant each hour starts.
     *
     * @throws IllegalArgumentException if it is empty or a key is not on a whole hour
     */
    public static PriceSeries of(Map<Instant, Double> hourly, DayAheadPublication publication) {
        Objects.requireNonNull(publication, "publication");
        TreeMap<Instant, Double> sorted = new TreeMap<>(hourly);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("price series: expected at least one hourly price, got none");
        }
        Instant first = sorted.firstKey();
        long hours = Duration.between(first, sorted.lastKey()).toHours() + 1;
        double[] prices = new double[Math.toIntExact(hours)];
        Arrays.fill(prices, Double.NaN);
        sorted.forEach((at, price) -> {
            if (at.getEpochSecond() % 3600 != 0) {
                throw new IllegalArgumentException("price series: expected whole hours, got " + at);
            }
            prices[(int) Duration.between(first, at).toHours()] = price;
        });
        return new PriceSeries(first, prices, publication);
    }

    @Override
    public OptionalDouble pricePerKwh(Instant at) {
        if (at.isBefore(first)) {
            return OptionalDouble.empty();
        }
        long index = Duration.between(first, at).getSeconds() / 3600;
        if (index >= eurPerKwh.length || Double.isNaN(eurPerKwh[(int) index])) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(eurPerKwh[(int) index]);
    }

    @Override
    public Instant knownUntil(Instant decisionTime) {
        Instant published = publication.knownUntil(decisionTime);
        return published.isBefore(end()) ? published : end();
    }

    /** Start of the first hour with a price. */
    public Instant start() {
        return first;
    }

    /** End (exclusive) of the last hour in the series. */
    public Instant end() {
        return first.plus(HOUR.multipliedBy(eurPerKwh.length));
    }

    /** Number of hours that carry a price. */
    public int pricedHours() {
        return (int) Arrays.stream(eurPerKwh).filter(p -> !Double.isNaN(p)).count();
    }
}
