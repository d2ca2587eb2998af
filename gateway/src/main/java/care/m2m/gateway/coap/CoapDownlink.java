package care.m2m.gateway.coap;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.commands.Downlink;
import care.m2m.gateway.commands.ListeningEvents;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The CoAP way down to a device: the device observes {@code /m2m/v1/{id}/commands} (or {@code tips},
 * {@code config}) and each message goes out as a confirmable notification; the future succeeds when the
 * device acknowledged it. So the command and tip features reach CoAP devices through the same
 * {@link Downlink} interface as MQTT devices, with no transport code of their own.
 */
public final class CoapDownlink implements Downlink {

    private final MessageCodec codec;
    private final Map<String, DownlinkResource> observed = new ConcurrentHashMap<>();
    private final ListeningEvents listening = new ListeningEvents();

    public CoapDownlink(MessageCodec codec) {
        this.codec = codec;
    }

    /** Registers who wants to know when a device starts observing its downlink of {@code type}. */
    public void onListening(MessageType type, Consumer<String> listener) {
        listening.on(type, listener);
    }

    @Override
    public Future<Void> deliver(String deviceId, MessageType type, Object message) {
        DownlinkResource resource = observed.get(key(deviceId, type));
        if (resource == null || !resource.isObserved()) {
            return Future.failedFuture(new DeviceUnreachableException(deviceId + " is not observing " + type.segment()));
        }
        Promise<Void> acked = Promise.promise();
        byte[] json = codec.encode(message, Encoding.JSON);
        byte[] cbor = codec.encode(message, Encoding.CBOR);
        resource.getExecutor().execute(() -> resource.enqueue(json, cbor, acked));
        return acked.future();
    }

    @Override
    public boolean isListening(String deviceId, MessageType type) {
        DownlinkResource resource = observed.get(key(deviceId, type));
        return resource != null && resource.isObserved();
    }

    Optional<DownlinkResource> find(String deviceId, MessageType type) {
        return Optional.ofNullable(observed.get(key(deviceId, type)));
    }

    /**
     * Keeps the resource once its device proved who it is (never for unauthenticated requests, so that
     * made-up device ids cost no memory); returns the resource already kept for that device, if any.
     */
    DownlinkResource register(DownlinkResource resource) {
        DownlinkResource kept = observed.putIfAbsent(key(resource.deviceId(), resource.type()), resource);
        return kept == null ? resource : kept;
    }

    void listening(String deviceId, MessageType type) {
        listening.listening(deviceId, type);
    }

    private static String key(String deviceId, MessageType type) {
        return deviceId + "/" + type.segment();
    }
}
