package care.m2m.anomaly;

/**
 * A bounded fuzzy ART network with dual vigilance, on complement-coded inputs quantised to bytes.
 *
 * <p>Each category is a box in feature space (its lower corner and the complement of its upper corner,
 * {@code 2 * dim} values in 0..255). An input's similarity to a category is
 * {@code (|x ∧ w| / |w|)^3 · e^2}, where {@code e} is the same ratio restricted to the energy dimension
 * (the window's latest level), so a window must match both in shape and in level. Every category at or
 * above the upper vigilance learns the input (its box grows to hold it); if none does, an input at or above
 * the lower vigilance starts a new category near the best one (not novel); below it, the input starts a
 * new cluster and is reported novel. At most {@code capacity} categories are kept: when full, the one that
 * resonated least recently is overwritten. All memory is allocated up front.
 */
final class FuzzyArt {

    /** Result of {@link #train}: the input was novel (no category came within the lower vigilance). */
    static final int NOVEL = -1;
    /** Result of {@link #train}: a new category was made near an existing one. */
    static final int NEAR = 0;
    /** Result of {@link #train}: at least one category resonated and learned. */
    static final int RESONANT = 1;

    private final int dim;
    private final int width;
    private final int energy;
    private final byte[] weights;
    private final int[] lastUsed;
    private int categories;
    private int clock;
    private double similarity;
    private double energySimilarity;

    FuzzyArt(int dim, int energyIndex, int capacity) {
        this.dim = dim;
        this.width = 2 * dim;
        this.energy = energyIndex;
        this.weights = new byte[capacity * width];
        this.lastUsed = new int[capacity];
    }

    /** Best similarity of the last {@link #train} call, in [0, 1]. */
    double similarity() {
        return similarity;
    }

    /** Energy (level) similarity of the category with the best similarity in the last call. */
    double energySimilarity() {
        return energySimilarity;
    }

    int categories() {
        return categories;
    }

    /**
     * Compares {@code input} (length {@code dim}, values in 0..255; complement coding is implicit) with every
     * category and, when {@code learning}, learns it. Returns {@link #NOVEL}, {@link #NEAR} or
     * {@link #RESONANT}; without learning always {@link #NOVEL}.
     */
    int train(int[] input, boolean learning, double rhoLow, double rhoHigh) {
        clock++;
        if (categories == 0) {
            // The first category is the uncommitted all-ones box; the first input only initialises it.
            java.util.Arrays.fill(weights, 0, width, (byte) 0xFF);
            lastUsed[0] = clock;
            categories = 1;
            similarity = 0.0;
            energySimilarity = 0.0;
            return learning ? RESONANT : NOVEL;
        }
        double best = -1.0;
        double bestEnergy = 0.0;
        boolean resonant = false;
        for (int c = 0; c < categories; c++) {
            int base = c * width;
            int overlap = 0;
            int size = 0;
            for (int d = 0; d < dim; d++) {
                int w = weights[base + d] & 0xFF;
                int wc = weights[base + dim + d] & 0xFF;
                int x = input[d];
                overlap += Math.min(x, w) + Math.min(255 - x, wc);
                size += w + wc;
            }
            double features = overlap / (double) Math.max(size, 1);
            int we = (weights[base + energy] & 0xFF) + (weights[base + dim + energy] & 0xFF);
            int xe = input[energy];
            int oe = Math.min(xe, weights[base + energy] & 0xFF) + Math.min(255 - xe, weights[base + dim + energy] & 0xFF);
            double level = we == 0 ? 0.0 : oe / (double) we;
            double match = features * features * features * level * level;
            if (match > best) {
                best = match;
                bestEnergy = level;
            }
            if (learning && match >= rhoHigh) {
                for (int d = 0; d < dim; d++) {
                    int x = input[d];
                    if ((weights[base + d] & 0xFF) > x) {
                        weights[base + d] = (byte) x;
                    }
                    if ((weights[base + dim + d] & 0xFF) > 255 - x) {
                        weights[base + dim + d] = (byte) (255 - x);
                    }
                }
                lastUsed[c] = clock;
                resonant = true;
            }
        }
        similarity = Math.max(0.0, best);
        energySimilarity = bestEnergy;
        if (!learning) {
            return NOVEL;
        }
        if (resonant) {
            return RESONANT;
        }
        commit(input);
        return best >= rhoLow ? NEAR : NOVEL;
    }

    private void commit(int[] input) {
        int slot;
        if (categories < lastUsed.length) {
            slot = categories++;
        } else {
            slot = 0;
            for (int c = 1; c < categories; c++) {
                if (lastUsed[c] < lastUsed[slot]) {
                    slot = c;
                }
            }
        }
        int base = slot * width;
        for (int d = 0; d < dim; d++) {
            weights[base + d] = (byte) input[d];
            weights[base + dim + d] = (byte) (255 - input[d]);
        }
        lastUsed[slot] = clock;
    }
}
