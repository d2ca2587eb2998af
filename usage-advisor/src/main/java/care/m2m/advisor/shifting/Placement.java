package care.m2m.advisor.shifting;

/**
 * Where a load block was placed and what it costs there.
 *
 * @param start first slot of the block
 * @param costEur cost of the block's energy at that start
 */
public record Placement(int start, double costEur) {
}
