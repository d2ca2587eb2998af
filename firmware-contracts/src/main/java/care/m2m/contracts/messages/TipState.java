package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * Downlink (v1.1, topic {@code tip-states}): the tip with this id changed state on another channel, so the
 * device's display follows. {@code done}, {@code dismissed} and {@code snoozed} take it off the display;
 * {@code read} keeps it, marked as read.
 */
public record TipState(String id, Instant timestamp, TipStatus state) {

    public TipState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
