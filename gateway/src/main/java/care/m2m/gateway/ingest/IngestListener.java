package care.m2m.gateway.ingest;

import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.store.TelemetryPoint;

/**
 * What happens after a message is durably stored: diagnosis, the command state machine, live pages. Called
 * on the event loop of the connection that received the message; implementations must not block and must
 * not throw (a listener's failure never fails the device's acknowledgement).
 */
public interface IngestListener {

    default void onTelemetry(Device device, TelemetryPoint point) {
    }

    default void onEvent(Device device, DeviceEvent event) {
    }

    default void onCommandResult(Device device, CommandResult result) {
    }
}
