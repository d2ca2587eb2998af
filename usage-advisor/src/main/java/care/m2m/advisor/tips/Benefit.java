package care.m2m.advisor.tips;

import java.util.Objects;

/**
 * What following a tip is worth, estimated from the customer's own recorded usage and scaled to a month so
 * that tips can be compared and thresholds applied.
 *
 * @param kwhPerMonth energy saved per month (0 when the tip saves none)
 * @param eurPerMonth money saved per month at the customer's tariff
 * @param productLife what it does for the product's life, in words; empty when nothing
 */
public record Benefit(double kwhPerMonth, double eurPerMonth, String productLife) {

    public Benefit {
        Objects.requireNonNull(productLife, "productLife");
        if (!Double.isFinite(kwhPerMonth) || !Double.isFinite(eurPerMonth)) {
            throw new IllegalArgumentException("benefit: expected finite figures, got " + kwhPerMonth + " kWh, "
                    + eurPerMonth + " EUR");
        }
    }

    public static Benefit energy(double kwhPerMonth, double eurPerMonth) {
        return new Benefit(kwhPerMonth, eurPerMonth, "");
    }

    public boolean extendsProductLife() {
        return !productLife.isEmpty();
    }
}
