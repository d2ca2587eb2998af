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
    CONFIG("config", Direction.DOWN);

    /** Which way a message travels: up from the device to the gateway, down from the gateway to the device. */
    public enum Direction { UP, DOWN }

    private final String segment;
    private final Direction direction;

    MessageType(String segment, Direction direction) {
        this.segment = segment;
        this.direction = direction;
    }

    public String segment() {
        return segment;
    }

    public Direction direction() {
        return direction;
    }

    public boolean isUplink() {
        return direction == Direction.UP;
    }

    public static Optional<MessageType> fromSegment(String segment) {
        return Arrays.stream(values()).filter(t -> t.segment.equals(segment)).findFirst();
    }
}
