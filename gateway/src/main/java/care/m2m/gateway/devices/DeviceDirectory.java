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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device registry as the transports and the API use it: every call returns a {@link Future}, the
 * blocking JDBC work runs on the records worker pool, and devices are cached for a short time so that a
 * reconnect storm does not become a database storm. Changes made through this class take effect at once.
 * Secrets are hashed and checked by the {@link DeviceSecretVerifier}, off the event loops.
 */
public final class DeviceDirectory {

    public static final Duration CACHE_TTL = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDirectory.class);

    private record Cached(Optional<Device> device, Instant loadedAt) {
    }

    private final DeviceRegistry registry;
    private final ModelCatalog models;
    private final WorkerExecutor workers;
    private final Clock clock;
    private final DeviceSecretVerifier secrets;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DeviceDirectory(DeviceRegistry registry, ModelCatalog models, WorkerExecutor workers, Clock clock,
            DeviceSecretVerifier secrets) {
        this.registry = registry;
        this.secrets = secrets;
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
        return secrets.hash(secret).compose(hash -> {
            Device device = new Device(deviceId, model, hash, customerRef, location, null, clock.instant(), null);
            return workers.executeBlocking(() -> {
                registry.insert(device);
                return new Registration(device, secret);
            }, false);
        }).onSuccess(r -> forget(deviceId));
    }

    /**
     * Whether {@code presented} is the device's secret. The check runs on the hashing pool unless the same
     * secret was verified recently; a match stored in an older form is rewritten in the current one (a
     * failed rewrite is only logged: the device is still let in).
     */
    public Future<Boolean> verifySecret(Device device, String presented) {
        return secrets.verify(device, presented).compose(outcome -> {
            if (!outcome.matched() || outcome.upgradedHash() == null) {
                return Future.succeededFuture(outcome.matched());
            }
            return workers.executeBlocking(() -> registry.replaceSecret(device.id(), device.secretHash(),
                    outcome.upgradedHash()), false).map(replaced -> {
                        cache.remove(device.id());
                        if (replaced) {
                            secrets.remember(device.id(), outcome.upgradedHash(), presented);
                            LOG.info("Rehashed the secret of device {} with PBKDF2 ({} iterations)", device.id(),
                                    secrets.iterations());
                        }
                        return true;
                    }).recover(e -> {
                        LOG.warn("Could not store the rehashed secret of device {}: {}", device.id(), e.toString());
                        return Future.succeededFuture(true);
                    });
        });
    }

    /** Gives the device a new secret (the old one stops working at once) and returns it. */
    public Future<Optional<String>> rotateSecret(String id) {
        String secret = DeviceSecrets.newSecret();
        return secrets.hash(secret).compose(hash -> workers.executeBlocking(() -> registry.updateSecret(id, hash)
                ? Optional.of(secret) : Optional.<String>empty(), false))
                .onComplete(r -> forget(id));
    }

    public Future<Boolean> delete(String id) {
        return workers.executeBlocking(() -> registry.delete(id), false).onComplete(r -> forget(id));
    }

    private void forget(String id) {
        cache.remove(id);
        secrets.forget(id);
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
