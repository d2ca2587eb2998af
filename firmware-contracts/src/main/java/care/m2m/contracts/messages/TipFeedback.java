package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * Uplink (v1.1, topic {@code tip-feedback}): the customer marked the tip with this id on the device's display,
 * so every other channel shows the same state.
 */
public record TipFeedback(String id, Instant timestamp, TipStatus state) {

    public TipFeedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
