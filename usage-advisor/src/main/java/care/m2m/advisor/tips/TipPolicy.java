package care.m2m.advisor.tips;

/**
 * The bar a tip must clear to reach a customer: tips are rare and relevant, never spam. A tip needs enough
 * confidence and either a worthwhile monthly saving or a product-life benefit.
 *
 * @param minEurPerMonth smallest monthly saving worth a tip
 * @param minKwhPerMonth smallest monthly energy saving worth a tip, even when money is small
 * @param minConfidence smallest confidence worth a tip
 */
public record TipPolicy(double minEurPerMonth, double minKwhPerMonth, double minConfidence) {

    /** One euro or five kWh a month, at 60% confidence. */
    public static final TipPolicy DEFAULT = new TipPolicy(1.0, 5.0, 0.6);

    public boolean accepts(Tip tip) {
        Benefit b = tip.benefit();
        boolean worthIt = b.eurPerMonth() >= minEurPerMonth || b.kwhPerMonth() >= minKwhPerMonth
                || b.extendsProductLife();
        return worthIt && tip.confidence() >= minConfidence;
    }
}
