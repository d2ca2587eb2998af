package care.m2m.gateway.devices;

import care.m2m.contracts.models.ModelCatalog;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device registry as the transports and the API use it: every call returns a {@link Future}, the
 * blocking JDBC work runs on the records worker pool, and devices are cached for a short time so that a
 * reconnect storm does not become a database storm. Changes made through this class take effect at once.
 */
public final class DeviceDirectory {

    public static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private record Cached(Optional<Device> device, Instant loadedAt) {
    }

    private final DeviceRegistry registry;
    private final ModelCatalog models;
    private final WorkerExecutor workers;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DeviceDirectory(DeviceRegistry registry, ModelCatalog models, WorkerExecutor workers, Clock clock) {
        this.registry = registry;
        this.models = models;
        this.workers = workers;
        this.clock = clock;
    }

    public Future<Optional<Device>> find(String id) {
        Cached cached = cache.get(id);
        if (cached != null && cached.loadedAt().plus(CACHE_TTL).isAfter(clock.instant())) {
            return Future.succeededFuture(cached.device());
        }
        return workers.executeBlocking(() -> registry.find(id), false)
                .onSuccess(found -> cache.put(id, new Cached(found, clock.instant())));
    }

    /**
     * Registers a device of a known model; the returned secret is the only copy there will ever be.
     *
     * @return a failed future with {@link UnknownModelException} or {@link DeviceAlreadyExistsException}
     */
    public Future<Registration> register(String id, String model, String customerRef, String location) {
        if (models.find(model).isEmpty()) {
            return Future.failedFuture(new UnknownModelException(model, models.all().stream().map(m -> m.id()).sorted().toList()));
        }
        String deviceId = id != null ? id : model.split("-")[0] + "-" + DeviceSecrets.randomToken(6).toLowerCase();
        String secret = DeviceSecrets.newSecret();
        Device device = new Device(deviceId, model, DeviceSecrets.hash(secret), customerRef, location, null,
                clock.instant(), null);
        return workers.executeBlocking(() -> {
            registry.insert(device);
            return new Registration(device, secret);
        }, false).onSuccess(r -> cache.remove(deviceId));
    }

    /** Gives the device a new secret (the old one stops working at once) and returns it. */
    public Future<Optional<String>> rotateSecret(String id) {
        String secret = DeviceSecrets.newSecret();
        return workers.executeBlocking(() -> registry.updateSecret(id, DeviceSecrets.hash(secret))
                ? Optional.of(secret) : Optional.<String>empty(), false)
                .onComplete(r -> cache.remove(id));
    }

    public Future<Boolean> delete(String id) {
        return workers.executeBlocking(() -> registry.delete(id), false).onComplete(r -> cache.remove(id));
    }

    public Future<List<Device>> list(String afterId, int limit) {
        return workers.executeBlocking(() -> registry.list(afterId, limit), false);
    }

    /** Notes that the device was heard from, and its firmware if it told; failures are only logged by the caller. */
    public Future<Void> touch(String id, String firmware) {
        Instant now = clock.instant();
        return workers.<Void>executeBlocking(() -> {
            registry.touch(id, now, firmware);
            return null;
        }, false).onSuccess(v -> {
            if (firmware != null) {
                cache.remove(id);
            }
        });
    }

    /** A registered device together with its secret in clear text, returned once. */
    public record Registration(Device device, String secret) {
    }
}
