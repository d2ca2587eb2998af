package care.m2m.sim.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How often devices go offline on their own ({@code --offline-rate}) and how they leave: real fleets lose power and
 * Wi-Fi, and the gateway must hold their commands until they return. Rate and episode length are simulated time,
 * like fault rates and action durations, so {@code --speed} shortens them in wall-clock time.
 *
 * @param ratePerHour expected offline episodes per device and simulated hour; 0 for none
 * @param kind        whether a device says goodbye (DISCONNECT) or just vanishes (socket closed, no DISCONNECT)
 */
public record OfflineSettings(double ratePerHour, Kind kind) {

    /** Shortest offline episode, in simulated time. */
    public static final Duration MIN_EPISODE = Duration.ofSeconds(30);
    /** Longest offline episode, in simulated time. */
    public static final Duration MAX_EPISODE = Duration.ofMinutes(5);
    /** No device goes offline on its own. */
    public static final OfflineSettings NONE = new OfflineSettings(0, Kind.MIXED);

    /** How a device leaves. */
    public enum Kind {
        /** Sends DISCONNECT, like firmware that powers down in order. */
        CLEAN,
        /** Closes the socket without DISCONNECT, like a device that loses power or network. */
        ABRUPT,
        /** Each episode picks one of the two at random. */
        MIXED
    }

    public OfflineSettings {
        Objects.requireNonNull(kind, "kind");
        if (!(ratePerHour >= 0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("offline rate must be a non-negative number, got " + ratePerHour);
        }
    }
}
