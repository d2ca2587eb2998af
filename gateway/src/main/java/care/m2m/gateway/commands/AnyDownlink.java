package care.m2m.gateway.commands;

import care.m2m.contracts.topics.MessageType;
import io.vertx.core.Future;
import java.util.List;

/**
 * One downlink over every transport: a message goes out on the first transport on which the device is
 * listening (MQTT, then CoAP), so the command and tip features never need to know how a device is connected.
 */
public final class AnyDownlink implements Downlink {

    private final List<Downlink> transports;

    public AnyDownlink(List<Downlink> transports) {
        this.transports = List.copyOf(transports);
    }

    @Override
    public Future<Void> deliver(String deviceId, MessageType type, Object message) {
        for (Downlink transport : transports) {
            if (transport.isListening(deviceId, type)) {
                return transport.deliver(deviceId, type, message);
            }
        }
        return Future.failedFuture(new DeviceUnreachableException(deviceId + " is not listening for " + type.segment()));
    }

    @Override
    public boolean isListening(String deviceId, MessageType type) {
        return transports.stream().anyMatch(t -> t.isListening(deviceId, type));
    }
}
