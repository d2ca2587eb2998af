package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * A self-service tip or notice for the customer (downlink), shown on the device's display; the same
 * message, with the same id, is what every other channel shows.
 */
public record Tip(String id, Instant timestamp, String kind, String title, String text) {

    public Tip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
