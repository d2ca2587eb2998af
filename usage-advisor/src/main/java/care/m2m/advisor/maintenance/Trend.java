package care.m2m.advisor.maintenance;

import care.m2m.advisor.history.Point;
import java.time.Instant;
import java.util.List;

/**
 * A least-squares straight line through readings over time: slope per day and how well the line explains
 * the readings (R squared), so that a tip fires on a real trend, not on noise.
 *
 * @param intercept value at {@code origin}
 * @param slopePerDay change per day
 * @param rSquared share of the variance the line explains, 0 to 1
 * @param origin the instant of day 0
 */
public record Trend(double intercept, double slopePerDay, double rSquared, Instant origin) {

    /** The fitted line, or a flat, unexplaining one when there are fewer than two distinct times. */
    public static Trend fit(List<Point> points) {
        Instant origin = points.isEmpty() ? Instant.EPOCH : points.getFirst().at();
        int n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Point p : points) {
            double x = (p.at().getEpochSecond() - origin.getEpochSecond()) / 86_400.0;
            sx += x;
            sy += p.value();
            sxx += x * x;
            sxy += x * p.value();
            syy += p.value() * p.value();
        }
        double varX = n * sxx - sx * sx;
        double varY = n * syy - sy * sy;
        if (n < 2 || varX <= 0) {
            return new Trend(n == 0 ? 0 : sy / n, 0, 0, origin);
        }
        double slope = (n * sxy - sx * sy) / varX;
        double intercept = (sy - slope * sx) / n;
        double r2 = varY <= 0 ? 0 : Math.pow(n * sxy - sx * sy, 2) / (varX * varY);
        return new Trend(intercept, slope, r2, origin);
    }

    public double valueAt(Instant at) {
        return intercept + slopePerDay * (at.getEpochSecond() - origin.getEpochSecond()) / 86_400.0;
    }
}
