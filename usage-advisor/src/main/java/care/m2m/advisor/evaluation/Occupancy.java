package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.LoadProfile;
import care.m2m.advisor.shifting.SlotCapacity;

/**
 * The flexible energy already placed in each slot, against the power limit. Placing and removing are exact
 * inverses so the exhaustive search can backtrack on one instance.
 */
final class Occupancy implements SlotCapacity {

    private static final double TOLERANCE_WH = 1e-9;
    private final double[] used;
    private final double capacityWh;

    Occupancy(int slots, double capacityWh) {
        this.used = new double[slots];
        this.capacityWh = capacityWh;
    }

    @Override
    public boolean fits(LoadProfile profile, int start) {
        for (int i = 0; i < profile.parts(); i++) {
            int slot = start + profile.offset(i);
            if (slot >= used.length || used[slot] + profile.wattHours(i) > capacityWh + TOLERANCE_WH) {
                return false;
            }
        }
        return true;
    }

    /** Flexible energy the slot can still take. */
    double freeWh(int slot) {
        return Math.max(0, capacityWh - used[slot]);
    }

    void place(LoadProfile profile, int start) {
        add(profile, start, 1);
    }

    void remove(LoadProfile profile, int start) {
        add(profile, start, -1);
    }

    private void add(LoadProfile profile, int start, int sign) {
        for (int i = 0; i < profile.parts(); i++) {
            used[start + profile.offset(i)] += sign * profile.wattHours(i);
        }
    }
}
