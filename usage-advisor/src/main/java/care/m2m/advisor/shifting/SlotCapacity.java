package care.m2m.advisor.shifting;

/**
 * Whether a load block may be placed at a start, given what is already placed (a connection's power limit).
 * The planner asks it; callers that model no limit pass {@link #UNLIMITED}.
 */
@FunctionalInterface
public interface SlotCapacity {

    /** No power limit. */
    SlotCapacity UNLIMITED = (profile, start) -> true;

    boolean fits(LoadProfile profile, int start);
}
