package care.m2m.advisor.shifting;

import java.util.Arrays;

/**
 * The energy a load draws in consecutive time slots, relative to its start. It moves as a rigid block (no
 * splitting): an appliance program or a charging session runs as it was recorded, only later. Slots inside
 * the block that carry no energy may be left out, so a sparsely recorded cycle keeps its real length.
 */
public final class LoadProfile {

    private final int[] offsets;
    private final double[] wattHours;

    private LoadProfile(int[] offsets, double[] wattHours) {
        this.offsets = offsets;
        this.wattHours = wattHours;
    }

    /**
     * A profile from slot offsets (ascending, the first 0) and the energy in each.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or offsets are not ascending
     */
    public static LoadProfile of(int[] offsets, double[] wattHours) {
        if (offsets.length == 0 || offsets.length != wattHours.length) {
            throw new IllegalArgumentException("load profile: expected as many offsets as energies (at least one), got "
                    + offsets.length + " and " + wattHours.length);
        }
        if (offsets[0] != 0) {
            throw new IllegalArgumentException("load profile: expected the first offset to be 0, got " + offsets[0]);
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] <= offsets[i - 1]) {
                throw new IllegalArgumentException("load profile: expected ascending offsets, got "
                        + Arrays.toString(offsets));
            }
        }
        return new LoadProfile(offsets.clone(), wattHours.clone());
    }

    /** A profile that fills every slot from the start, one energy per slot. */
    public static LoadProfile contiguous(double... wattHours) {
        int[] offsets = new int[wattHours.length];
        Arrays.setAll(offsets, i -> i);
        return of(offsets, wattHours);
    }

    /** Number of slots from the first to the last, inclusive. */
    public int lengthSlots() {
        return offsets[offsets.length - 1] + 1;
    }

    public int parts() {
        return offsets.length;
    }

    public int offset(int part) {
        return offsets[part];
    }

    public double wattHours(int part) {
        return wattHours[part];
    }

    public double totalWattHours() {
        return Arrays.stream(wattHours).sum();
    }

    public double peakWattHours() {
        return Arrays.stream(wattHours).max().orElse(0);
    }

    /** What the block costs in EUR when it starts at {@code start}; NaN if a slot has no price. */
    public double cost(SlotPrices prices, int start) {
        double eur = 0;
        for (int i = 0; i < offsets.length; i++) {
            eur += wattHours[i] / 1000.0 * prices.price(start + offsets[i]);
        }
        return eur;
    }
}
