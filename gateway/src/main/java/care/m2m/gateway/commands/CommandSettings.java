package care.m2m.gateway.commands;

import java.time.Duration;

/**
 * Timing of the command channel: how long a device has to acknowledge a sent command before it is sent
 * again, how often at most, how long after delivery a result may take, the default time to live, and how
 * often the sweep for expiry and time-outs runs.
 */
public record CommandSettings(Duration ackTimeout, int maxSends, Duration resultTimeout, Duration defaultTtl,
        Duration sweepInterval) {

    public static final CommandSettings DEFAULTS = new CommandSettings(Duration.ofSeconds(30), 3,
            Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(1));
}
