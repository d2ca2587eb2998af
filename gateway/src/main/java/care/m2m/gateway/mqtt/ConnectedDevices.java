package care.m2m.gateway.mqtt;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.ListeningEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which devices are connected over MQTT right now, shared by every MQTT verticle instance. A device that
 * connects again takes over: its older connection is closed. Later the downlink looks connections up here.
 */
public final class ConnectedDevices {

    private final Map<String, MqttDeviceConnection> connections = new ConcurrentHashMap<>();
    private final ListeningEvents listening = new ListeningEvents();
    private final List<Consumer<String>> connectedListeners = new CopyOnWriteArrayList<>();

    /** Registers who wants to know when a device connected here (clustered mode: this instance holds it now). */
    public void onConnected(Consumer<String> listener) {
        connectedListeners.add(listener);
    }

    /** Registers who wants to know when a device subscribes to its downlink of {@code type}. */
    public void onListening(MessageType type, Consumer<String> listener) {
        listening.on(type, listener);
    }

    void listening(String deviceId, MessageType type) {
        listening.listening(deviceId, type);
    }

    /** Registers the connection and returns the one it replaces, if any. */
    Optional<MqttDeviceConnection> add(MqttDeviceConnection connection) {
        Optional<MqttDeviceConnection> replaced = Optional.ofNullable(connections.put(connection.deviceId(), connection));
        connectedListeners.forEach(l -> l.accept(connection.deviceId()));
        return replaced;
    }

    /** Removes the connection, unless a newer one of the same device has already replaced it. */
    void remove(MqttDeviceConnection connection) {
        connections.remove(connection.deviceId(), connection);
    }

    public int count() {
        return connections.size();
    }

    public boolean isConnected(String deviceId) {
        return connections.containsKey(deviceId);
    }

    Optional<MqttDeviceConnection> find(String deviceId) {
        return Optional.ofNullable(connections.get(deviceId));
    }
}
