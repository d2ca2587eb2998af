package care.m2m.gateway.commands;

import care.m2m.contracts.topics.MessageType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who wants to know when a device starts listening for one of its downlink types (subscribes over MQTT, observes
 * over CoAP): the ladder sends the commands that wait, the tips send the states the device missed. One per
 * transport.
 */
public final class ListeningEvents {

    private final Map<MessageType, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    /** Registers a listener for devices that start listening for {@code type}; it gets the device id. */
    public void on(MessageType type, Consumer<String> listener) {
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** The device now listens for {@code type}. */
    public void listening(String deviceId, MessageType type) {
        listeners.getOrDefault(type, List.of()).forEach(l -> l.accept(deviceId));
    }
}
