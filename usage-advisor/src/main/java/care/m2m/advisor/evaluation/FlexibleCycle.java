package care.m2m.advisor.evaluation;

import care.m2m.advisor.shifting.LoadProfile;

/**
 * A cycle found in the recorded load, on the evaluation's 10-minute slot grid.
 *
 * @param id position in time order
 * @param start slot of the first recorded reading of the cycle
 * @param profile the energy above base load in each recorded slot, relative to {@code start}
 * @param deadline slot by whose start the cycle must have finished (exclusive)
 */
public record FlexibleCycle(int id, int start, LoadProfile profile, int deadline) {

    /** The first slot after the cycle as recorded. */
    public int end() {
        return start + profile.lengthSlots();
    }

    /** The last start that still meets the deadline. */
    public int latestStart() {
        return deadline - profile.lengthSlots();
    }
}
