package care.m2m.gateway.devices;

import care.m2m.gateway.devices.DeviceSecretHash.Check;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

/**
 * Checks a presented device secret without ever deriving a key on an event loop: a secret verified recently
 * is recognised from {@link VerifiedSecrets} (one HMAC, on the caller's thread), anything else goes to the
 * hashing worker pool. A match against an older stored form also yields the new hash, which the caller
 * writes back. Counted as {@code m2mcare_device_secret_checks_total{path=cache|kdf,result}} and timed as
 * {@code m2mcare_device_secret_kdf_seconds}.
 */
public final class DeviceSecretVerifier {

    /** Whether the secret matched and, when the stored form is outdated, its replacement (else null). */
    public record Outcome(boolean matched, String upgradedHash) {
    }

    private static final Outcome CACHED = new Outcome(true, null);

    private final DeviceSecretHash kdf;
    private final VerifiedSecrets verified;
    private final WorkerExecutor hashing;
    private final Counter cacheHits;
    private final Counter matches;
    private final Counter mismatches;
    private final Counter upgrades;
    private final Timer kdfTime;

    /**
     * @param cacheSize how many devices' verified secrets are remembered (0: none)
     * @param hashing worker pool for key derivation, sized to the cores that may spend time on it
     */
    public DeviceSecretVerifier(DeviceSecretHash kdf, int cacheSize, WorkerExecutor hashing, MeterRegistry meters) {
        this.kdf = kdf;
        this.verified = new VerifiedSecrets(cacheSize);
        this.hashing = hashing;
        this.cacheHits = checks(meters, "cache", "match");
        this.matches = checks(meters, "kdf", "match");
        this.mismatches = checks(meters, "kdf", "mismatch");
        this.upgrades = checks(meters, "kdf", "upgraded");
        this.kdfTime = Timer.builder("m2mcare.device.secret.kdf")
                .description("Time of one key derivation checking or storing a device secret")
                .register(meters);
    }

    private static Counter checks(MeterRegistry meters, String path, String result) {
        return Counter.builder("m2mcare.device.secret.checks")
                .description("Device secret checks, by whether the cache or the key derivation answered")
                .tag("path", path)
                .tag("result", result)
                .register(meters);
    }

    /** A fresh stored form of a new secret, computed on the hashing pool. */
    public Future<String> hash(String secret) {
        return hashing.executeBlocking(() -> kdfTime.recordCallable(() -> kdf.hash(secret)), false);
    }

    /** Checks {@code presented} against the device's stored hash. */
    public Future<Outcome> verify(Device device, String presented) {
        if (verified.contains(device.id(), device.secretHash(), presented)) {
            cacheHits.increment();
            return Future.succeededFuture(CACHED);
        }
        return hashing.executeBlocking(() -> kdfTime.recordCallable(() -> {
            Check check = kdf.check(presented, device.secretHash());
            return new Outcome(check.matched(), check == Check.MATCH_REHASH ? kdf.hash(presented) : null);
        }), false).onSuccess(outcome -> {
            if (!outcome.matched()) {
                mismatches.increment();
            } else if (outcome.upgradedHash() == null) {
                matches.increment();
                verified.remember(device.id(), device.secretHash(), presented);
            } else {
                upgrades.increment();
            }
        });
    }

    /** Notes that {@code presented} is now stored as {@code storedHash} (after an upgrade was written). */
    void remember(String deviceId, String storedHash, String presented) {
        verified.remember(deviceId, storedHash, presented);
    }

    /** Drops what is remembered for the device: its secret was rotated or it was deleted. */
    public void forget(String deviceId) {
        verified.forget(deviceId);
    }

    /** Devices whose verified secret is remembered now. */
    public int remembered() {
        return verified.size();
    }

    public int iterations() {
        return kdf.iterations();
    }
}
