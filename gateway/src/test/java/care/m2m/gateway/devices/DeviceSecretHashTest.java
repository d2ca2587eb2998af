package care.m2m.gateway.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.devices.DeviceSecretHash.Check;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * New device secrets are stored with PBKDF2, old salted SHA-256 rows still match and are marked for a rehash,
 * the key derivation refuses to run on an event loop, and the verified-secret cache answers only for the
 * exact secret and stored hash it saw.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeviceSecretHashTest {

    private static final int ITERATIONS = 1_000;
    private final DeviceSecretHash kdf = new DeviceSecretHash(ITERATIONS);
    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void newHashesUseThePbkdf2SchemeWithTheConfiguredIterationsAndAFreshSalt() {
        String secret = DeviceSecrets.newSecret();
        String a = kdf.hash(secret);
        String b = kdf.hash(secret);

        assertThat(a).startsWith("pbkdf2-sha256-device$1000$").doesNotContain(secret).isNotEqualTo(b);
        assertThat(a.split("\\$")).hasSize(4);
        assertThat(kdf.check(secret, a)).isEqualTo(Check.MATCH);
        assertThat(kdf.check(secret, b)).isEqualTo(Check.MATCH);
    }

    @Test
    void aWrongSecretNeverMatches() {
        String secret = DeviceSecrets.newSecret();
        String stored = kdf.hash(secret);
        assertThat(kdf.check(secret + "x", stored)).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(DeviceSecrets.newSecret(), stored)).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check("", stored)).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(null, stored)).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret + "x", DeviceSecrets.sha256Hash(secret))).isEqualTo(Check.MISMATCH);
    }

    @Test
    void legacySha256RowsAndOtherIterationCountsMatchButAskForARehash() {
        String secret = DeviceSecrets.newSecret();
        assertThat(kdf.check(secret, DeviceSecrets.sha256Hash(secret))).isEqualTo(Check.MATCH_REHASH);
        assertThat(kdf.check(secret, new DeviceSecretHash(500).hash(secret))).isEqualTo(Check.MATCH_REHASH);
    }

    @Test
    void tamperedOrMalformedStoredValuesNeverMatch() {
        String secret = DeviceSecrets.newSecret();
        String[] parts = kdf.hash(secret).split("\\$");
        char first = parts[3].charAt(0);
        String flipped = String.join("$", parts[0], parts[1], parts[2], (first == 'A' ? "B" : "A") + parts[3].substring(1));
        assertThat(kdf.check(secret, flipped)).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret, String.join("$", parts[0], "0", parts[2], parts[3]))).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret, String.join("$", parts[0], "99999999999", parts[2], parts[3]))).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret, String.join("$", parts[0], parts[1], "", parts[3]))).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret, String.join("$", parts[0], parts[1], parts[2], "!!"))).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret, "pbkdf2-sha256$210000$" + parts[2] + "$" + parts[3])).isEqualTo(Check.MISMATCH);
        assertThat(kdf.check(secret, secret)).isEqualTo(Check.MISMATCH);
        assertThatThrownBy(() -> new DeviceSecretHash(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void theKeyDerivationRefusesToRunOnAnEventLoop() throws Exception {
        Promise<String> onLoop = Promise.promise();
        vertx.runOnContext(v -> {
            try {
                onLoop.complete(kdf.hash("secret"));
            } catch (IllegalStateException e) {
                onLoop.fail(e);
            }
        });
        assertThatThrownBy(() -> onLoop.future().await(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("event loop");
    }

    @Test
    void theVerifierHashesOnItsWorkerPoolWhenCalledFromAnEventLoopAndRemembersOnlyWhatItVerified() throws Exception {
        WorkerExecutor hashing = vertx.createSharedWorkerExecutor("test-device-secrets", 2);
        DeviceSecretVerifier verifier = new DeviceSecretVerifier(kdf, 10, hashing, meters);
        String secret = DeviceSecrets.newSecret();
        Device device = device("oven-1", verifier.hash(secret).await(10, TimeUnit.SECONDS));

        assertThat(onEventLoop(verifier, device, secret)).isTrue();
        assertThat(onEventLoop(verifier, device, secret)).isTrue();
        assertThat(checks("cache", "match")).isEqualTo(1);
        assertThat(checks("kdf", "match")).isEqualTo(1);

        assertThat(onEventLoop(verifier, device, secret + "x")).isFalse();
        assertThat(checks("kdf", "mismatch")).as("a wrong secret is never answered from the cache").isEqualTo(1);

        Device rotated = device("oven-1", verifier.hash(DeviceSecrets.newSecret()).await(10, TimeUnit.SECONDS));
        assertThat(onEventLoop(verifier, rotated, secret)).as("the old secret against the rotated hash").isFalse();

        verifier.forget("oven-1");
        assertThat(verifier.remembered()).isZero();
        assertThat(onEventLoop(verifier, device, secret)).isTrue();
        assertThat(checks("kdf", "match")).as("after forget the key derivation runs again").isEqualTo(2);
    }

    @Test
    void theCacheIsBounded() throws Exception {
        DeviceSecretVerifier verifier = new DeviceSecretVerifier(kdf, 3,
                vertx.createSharedWorkerExecutor("test-device-secrets", 2), meters);
        String secret = DeviceSecrets.newSecret();
        String hash = verifier.hash(secret).await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            assertThat(verifier.verify(device("d-" + i, hash), secret).await(10, TimeUnit.SECONDS).matched()).isTrue();
        }
        assertThat(verifier.remembered()).isEqualTo(3);
    }

    private boolean onEventLoop(DeviceSecretVerifier verifier, Device device, String secret) throws Exception {
        Promise<Boolean> result = Promise.promise();
        vertx.runOnContext(v -> verifier.verify(device, secret).map(DeviceSecretVerifier.Outcome::matched)
                .onComplete(result));
        return result.future().await(10, TimeUnit.SECONDS);
    }

    private double checks(String path, String result) {
        return meters.counter("m2mcare.device.secret.checks", "path", path, "result", result).count();
    }

    private static Device device(String id, String hash) {
        return new Device(id, "coffee-espresso-x1", hash, null, null, null, Instant.now(), null);
    }
}
