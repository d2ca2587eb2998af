package care.m2m.contracts.messages;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An instruction for the device (downlink), such as a self-repair action from its model profile.
 * {@code id} correlates the {@link CommandResult}; the device must not execute it after {@code expiresAt}.
 */
public record Command(String id, String action, Map<String, Object> params, Instant issuedAt, Instant expiresAt) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
