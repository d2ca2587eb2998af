package care.m2m.advisor.tips;

/**
 * The kinds of usage advice. Delivery, preferences and effect measurement group tips by kind, so a kind is a
 * stable name, not free text.
 */
public enum TipKind {
    /** Run a flexible cycle (washing, EV charging, hot-water boost) in cheaper hours. */
    SHIFT_TO_CHEAP_HOURS,
    /** Energy spent keeping a device ready while nobody uses it. */
    IDLE_WASTE,
    /** An eco program or lower setting gives the same result for less energy. */
    ECO_MODE,
    /** Service the product before its performance degrades. */
    MAINTENANCE_DUE,
    /** A feature the customer has but never uses, that would pay off. */
    UNUSED_FEATURE
}
