package care.m2m.sim.firmware;

import care.m2m.contracts.topics.MessageType;

/** Where the firmware's messages go: the runner encodes and publishes them; tests collect them. */
@FunctionalInterface
public interface Uplink {

    /** Sends {@code message} (a Telemetry, DeviceEvent or CommandResult) on the device's {@code type} topic. */
    void send(MessageType type, Object message);
}
