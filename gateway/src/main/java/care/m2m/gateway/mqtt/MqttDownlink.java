package care.m2m.gateway.mqtt;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.commands.Downlink;
import io.vertx.core.Future;
import java.util.Optional;

/** The MQTT way down to a device: its connection on this instance, QoS 1, acknowledged by PUBACK. */
public final class MqttDownlink implements Downlink {

    private final ConnectedDevices connected;
    private final MessageCodec codec;

    public MqttDownlink(ConnectedDevices connected, MessageCodec codec) {
        this.connected = connected;
        this.codec = codec;
    }

    @Override
    public Future<Void> deliver(String deviceId, MessageType type, Object message) {
        Optional<MqttDeviceConnection> connection = connected.find(deviceId);
        if (connection.isEmpty()) {
            return Future.failedFuture(new DeviceUnreachableException(deviceId + " is not connected"));
        }
        return connection.get().deliver(type, codec.encode(message, Encoding.JSON), codec.encode(message, Encoding.CBOR));
    }

    @Override
    public boolean isListening(String deviceId, MessageType type) {
        return connected.find(deviceId).map(c -> c.isListening(type)).orElse(false);
    }
}
