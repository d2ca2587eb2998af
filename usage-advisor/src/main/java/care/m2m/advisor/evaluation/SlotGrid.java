package care.m2m.advisor.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The evaluation's 10-minute slots on the house's wall clock, numbered from the first reading's slot. Wall
 * clock, not UTC: the recorded house lived by its clock, and the price year is mapped onto it by
 * {@link YearMapping}.
 *
 * @param origin local start of slot 0
 */
public record SlotGrid(LocalDateTime origin) {

    private static final long SLOT_MINUTES = ShiftingRules.SLOT_MINUTES;

    /** The grid whose slot 0 holds this time, aligned to whole 10 minutes. */
    public static SlotGrid startingAt(LocalDateTime first) {
        LocalDateTime aligned = first.withSecond(0).withNano(0)
                .withMinute((int) (first.getMinute() / SLOT_MINUTES * SLOT_MINUTES));
        return new SlotGrid(aligned);
    }

    public int slotOf(LocalDateTime local) {
        return Math.toIntExact(Math.floorDiv(Duration.between(origin, local).toMinutes(), SLOT_MINUTES));
    }

    public LocalDateTime startOf(int slot) {
        return origin.plusMinutes(slot * SLOT_MINUTES);
    }
}
