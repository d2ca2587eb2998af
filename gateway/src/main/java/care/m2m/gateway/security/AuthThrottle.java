package care.m2m.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@code maxFailures} failed authentications of one key (a device id, a source
 * address) within the window, that key is refused for a block time that doubles with each further block, up
 * to a cap. A success clears the key. Thread-safe and bounded: idle keys are forgotten.
 */
public final class AuthThrottle {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_BLOCK = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 200_000;

    private static final class Entry {
        int failures;
        Instant windowStart;
        Instant blockedUntil = Instant.MIN;
        int blocks;
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Duration maxBlock;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public AuthThrottle(int maxFailures, Duration window, Duration block, Duration maxBlock, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.maxBlock = maxBlock;
        this.clock = clock;
    }

    public static AuthThrottle defaults(Clock clock) {
        return new AuthThrottle(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_BLOCK, DEFAULT_MAX_BLOCK, clock);
    }

    /** How long the key must still wait; zero when it may try now. */
    public Duration retryAfter(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        synchronized (entry) {
            Instant now = clock.instant();
            return now.isBefore(entry.blockedUntil) ? Duration.between(now, entry.blockedUntil) : Duration.ZERO;
        }
    }

    public boolean blocked(String... keys) {
        for (String key : keys) {
            if (!retryAfter(key).isZero()) {
                return true;
            }
        }
        return false;
    }

    public void failure(String... keys) {
        Instant now = clock.instant();
        if (entries.size() > MAX_KEYS) {
            entries.values().removeIf(e -> e.windowStart.plus(window).isBefore(now) && e.blockedUntil.isBefore(now));
        }
        for (String key : keys) {
            Entry entry = entries.computeIfAbsent(key, k -> new Entry());
            synchronized (entry) {
                if (entry.windowStart == null || entry.windowStart.plus(window).isBefore(now)) {
                    entry.windowStart = now;
                    entry.failures = 0;
                }
                entry.failures++;
                if (entry.failures >= maxFailures) {
                    Duration wait = block.multipliedBy(1L << Math.min(entry.blocks, 20));
                    entry.blockedUntil = now.plus(wait.compareTo(maxBlock) > 0 ? maxBlock : wait);
                    entry.blocks++;
                    entry.failures = 0;
                    entry.windowStart = now;
                }
            }
        }
    }

    public void success(String... keys) {
        for (String key : keys) {
            entries.remove(key);
        }
    }

    public static String device(String deviceId) {
        return "device:" + deviceId;
    }

    public static String address(String host) {
        return "address:" + host;
    }
}
