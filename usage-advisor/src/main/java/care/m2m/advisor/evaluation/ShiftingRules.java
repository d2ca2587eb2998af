package care.m2m.advisor.evaluation;

/**
 * The stated constraints of the evaluation, printed with every report.
 *
 * <ul>
 *   <li>A cycle is a maximal run of recorded 10-minute readings at or above {@code thresholdWh}, where
 *       consecutive readings are at most {@code maxGapSlots} slots apart.</li>
 *   <li>Only the energy above {@code baseWh} per reading is flexible; the base load stays where it is.</li>
 *   <li>A cycle moves as a rigid block (no splitting), never earlier than recorded, and must finish by its
 *       recorded end plus {@code flexHours}.</li>
 *   <li>In any 10-minute slot, the flexible energy of all cycles together may not exceed
 *       {@code powerLimitKw}; a cycle whose own recorded peak is above the limit is not flexible and stays.</li>
 * </ul>
 */
public record ShiftingRules(double thresholdWh, double baseWh, int maxGapSlots, int flexHours, double powerLimitKw) {

    /** Slot length of the recorded data. */
    public static final int SLOT_MINUTES = 10;
    public static final int SLOTS_PER_HOUR = 60 / SLOT_MINUTES;

    /** Defaults: 200 Wh per 10 min (1.2 kW), 60 Wh base (the data's median), 30-minute gaps, 8 h, 4 kW. */
    public static final ShiftingRules DEFAULTS = new ShiftingRules(200, 60, 3, 8, 4.0);

    public ShiftingRules {
        if (thresholdWh <= baseWh || baseWh < 0 || maxGapSlots < 1 || flexHours < 0 || powerLimitKw <= 0) {
            throw new IllegalArgumentException("shifting rules: expected threshold > base >= 0, gap >= 1 slot, "
                    + "flex >= 0 h and a positive power limit, got " + this);
        }
    }

    /** Flexible energy one slot may hold under the power limit. */
    public double slotCapacityWh() {
        return powerLimitKw * 1000.0 / SLOTS_PER_HOUR;
    }

    public ShiftingRules withFlexHours(int hours) {
        return new ShiftingRules(thresholdWh, baseWh, maxGapSlots, hours, powerLimitKw);
    }

    public ShiftingRules withPowerLimitKw(double kw) {
        return new ShiftingRules(thresholdWh, baseWh, maxGapSlots, flexHours, kw);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "cycle = readings >= %.0f Wh/10 min, gaps <= %d min; flexible = "
                        + "energy above %.0f Wh/10 min; rigid block, no splitting; start >= recorded start; "
                        + "finish <= recorded end + %d h; flexible load <= %.1f kW per 10-min slot",
                thresholdWh, maxGapSlots * SLOT_MINUTES, baseWh, flexHours, powerLimitKw);
    }
}
