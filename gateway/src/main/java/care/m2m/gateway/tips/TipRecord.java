package care.m2m.gateway.tips;

import java.time.Instant;
import java.util.Objects;

/**
 * One tip or notice for a customer about one device: the same id, content and state on the device's
 * display, the customer API and its live stream. {@code evidenceKey} names what the tip is based on, so a
 * dismissed tip is offered again only when its evidence changed.
 */
public record TipRecord(String id, String deviceId, String customerRef, String kind, String title, String text,
        Double benefitKwh, Double benefitEur, String evidenceKey, Source source, State state, String note,
        Instant createdAt, Instant deliverAfter, Instant deliveredAt, Instant updatedAt) {

    /** Who proposed the tip. */
    public enum Source { ADVISOR, FAULT }

    /** Where the tip stands; the last four are set by the customer. */
    public enum State {
        /** accepted, waiting for quiet hours or the weekly limit to allow delivery */
        PENDING,
        /** shown on the customer's channels */
        DELIVERED,
        /** never delivered: opted out, or already dismissed with the same evidence */
        SUPPRESSED,
        /** never delivered on purpose: the device is in the control group that measures whether the tip works */
        HELD_OUT,
        READ, DONE, DISMISSED, SNOOZED;

        /** The states a customer may set. */
        public boolean settableByCustomer() {
            return this == READ || this == DONE || this == DISMISSED || this == SNOOZED;
        }
    }

    public TipRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    TipRecord with(State newState, String newNote, Instant at) {
        return new TipRecord(id, deviceId, customerRef, kind, title, text, benefitKwh, benefitEur, evidenceKey, source,
                newState, newNote, createdAt, deliverAfter, newState == State.DELIVERED ? at : deliveredAt, at);
    }

    TipRecord snoozedUntil(Instant when, Instant at) {
        return new TipRecord(id, deviceId, customerRef, kind, title, text, benefitKwh, benefitEur, evidenceKey, source,
                State.SNOOZED, "reminder after " + when, createdAt, when, deliveredAt, at);
    }

    TipRecord deferredUntil(Instant when, String why, Instant at) {
        return new TipRecord(id, deviceId, customerRef, kind, title, text, benefitKwh, benefitEur, evidenceKey, source,
                State.PENDING, why, createdAt, when, deliveredAt, at);
    }
}
