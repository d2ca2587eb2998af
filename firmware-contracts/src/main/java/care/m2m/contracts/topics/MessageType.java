package care.m2m.contracts.topics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of message that crosses the wire between firmware and gateway, with the direction it travels
 * and the last segment of its MQTT topic and CoAP path. The gateway and device-sim never spell these names.
 */
public enum MessageType {
    TELEMETRY("telemetry", Direction.UP),
    EVENTS("events", Direction.UP),
    COMMAND_RESULTS("command-results", Direction.UP),
    COMMANDS("commands", Direction.DOWN),
    TIPS("tips", Direction.DOWN),
    CONFIG("config", Direction.DOWN),
    /** v1.1: a tip's state changed on another channel (read, done, dismissed, snoozed); sent only on request. */
    TIP_STATES("tip-states", Direction.DOWN, true),
    /** v1.1: the customer marked a tip read, done, dismissed or snoozed on the device. */
    TIP_FEEDBACK("tip-feedback", Direction.UP);

    /** Which way a message travels: up from the device to the gateway, down from the gateway to the device. */
    public enum Direction { UP, DOWN }

    private final String segment;
    private final Direction direction;
    private final boolean byNameOnly;

    MessageType(String segment, Direction direction) {
        this(segment, direction, false);
    }

    MessageType(String segment, Direction direction, boolean byNameOnly) {
        this.segment = segment;
        this.direction = direction;
        this.byNameOnly = byNameOnly;
    }

    public String segment() {
        return segment;
    }

    public Direction direction() {
        return direction;
    }

    /**
     * Whether a device receives this downlink type only when it subscribed to its topic by name. Types added
     * after v1.0 are: firmware that subscribed with a wildcard ({@code m2m/v1/{id}/+}) before they existed would
     * otherwise get messages it cannot read. Over CoAP a device observes each type by name anyway.
     */
    public boolean byNameOnly() {
        return byNameOnly;
    }

    public boolean isUplink() {
        return direction == Direction.UP;
    }

    public static Optional<MessageType> fromSegment(String segment) {
        return Arrays.stream(values()).filter(t -> t.segment.equals(segment)).findFirst();
    }
}
