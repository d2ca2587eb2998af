import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceSecretHash;
import care.m2m.gateway.devices.DeviceSecretVerifier;
import care.m2m.gateway.devices.DeviceSecrets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What one device secret costs the gateway at a given PBKDF2 iteration count: storing it (registration,
 * rotation), checking it the first time (first connect, key derivation on a worker) and checking it again
 * (reconnect, answered from the verified-secret cache with one HMAC). Single-threaded, after a warm-up.
 * Run by bench/device-secrets.sh against the gateway jar.
 */
public class DeviceSecretCost {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        DeviceSecretHash kdf = new DeviceSecretHash(iterations);
        String secret = DeviceSecrets.newSecret();
        String stored = kdf.hash(secret);
        int rounds = (int) Math.max(20, Math.min(2_000, 4_000_000L / iterations));
        for (int i = 0; i < rounds / 4; i++) {
            kdf.check(secret, kdf.hash(secret));
        }
        long t = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            kdf.hash(secret);
        }
        double hashMs = (System.nanoTime() - t) / 1e6 / rounds;
        t = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            kdf.check(secret, stored);
        }
        double checkMs = (System.nanoTime() - t) / 1e6 / rounds;

        Vertx vertx = Vertx.vertx();
        try {
            DeviceSecretVerifier verifier = new DeviceSecretVerifier(kdf, 10, vertx.createSharedWorkerExecutor("bench", 1),
                    new SimpleMeterRegistry());
            Device device = new Device("bench-1", "coffee-espresso-x1", stored, null, null, null, Instant.now(), null);
            verifier.verify(device, secret).await(30, TimeUnit.SECONDS);
            int cached = 200_000;
            for (int i = 0; i < cached; i++) {
                verifier.verify(device, secret);
            }
            t = System.nanoTime();
            for (int i = 0; i < cached; i++) {
                verifier.verify(device, secret);
            }
            double cacheUs = (System.nanoTime() - t) / 1e3 / cached;
            System.out.printf("| %d | %.3f | %.3f | %.2f |%n", iterations, hashMs, checkMs, cacheUs);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
