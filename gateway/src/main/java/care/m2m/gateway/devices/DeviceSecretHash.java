package care.m2m.gateway.devices;

import io.vertx.core.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How device secrets are stored: PBKDF2-HMAC-SHA256 from the JDK with a random 16-byte salt, as
 * {@code pbkdf2-sha256-device$<iterations>$<salt>$<hash>} (base64url). The secrets are 256 random bits, so the
 * key derivation does not have to make guessing hard; it makes a stolen {@code devices} table worthless for
 * replay even if a secret was ever chosen badly, at a cost per check that the iteration count sets (about
 * 2.5 ms at the default 10,000 on a 2-core machine). Rows from before, salted SHA-256
 * ({@code sha256$<salt>$<hash>}), still match and are reported as due for a rehash, as are rows with another
 * iteration count. Slow on purpose: it refuses to run on a Vert.x event loop.
 */
public final class DeviceSecretHash {

    public static final String SCHEME = "pbkdf2-sha256-device";
    public static final String LEGACY_SCHEME = "sha256";
    public static final int DEFAULT_ITERATIONS = 10_000;
    public static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a check found: no match, a match, or a match stored in an older form that should be rewritten. */
    public enum Check {
        MISMATCH, MATCH, MATCH_REHASH;

        public boolean matched() {
            return this != MISMATCH;
        }
    }

    private final int iterations;

    /** @throws IllegalArgumentException when the count is outside 1..{@value #MAX_ITERATIONS} */
    public DeviceSecretHash(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("device secret iterations: expected 1 to " + MAX_ITERATIONS + ", got "
                    + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    /** A fresh salted hash in the stored format. */
    public String hash(String secret) {
        requireWorkerThread();
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(secret, salt, iterations));
    }

    /** Compares in constant time; a malformed, tampered or unknown stored form never matches. */
    public Check check(String secret, String stored) {
        requireWorkerThread();
        if (secret == null || secret.isEmpty() || stored == null) {
            return Check.MISMATCH;
        }
        String[] parts = stored.split("\\$");
        try {
            if (parts.length == 4 && SCHEME.equals(parts[0])) {
                int storedIterations = Integer.parseInt(parts[1]);
                byte[] salt = B64D.decode(parts[2]);
                byte[] expected = B64D.decode(parts[3]);
                if (storedIterations < 1 || storedIterations > MAX_ITERATIONS || salt.length == 0
                        || expected.length != HASH_BITS / 8) {
                    return Check.MISMATCH;
                }
                if (!MessageDigest.isEqual(expected, derive(secret, salt, storedIterations))) {
                    return Check.MISMATCH;
                }
                return storedIterations == iterations ? Check.MATCH : Check.MATCH_REHASH;
            }
            if (parts.length == 3 && LEGACY_SCHEME.equals(parts[0])) {
                byte[] expected = B64D.decode(parts[2]);
                return MessageDigest.isEqual(expected, sha256(B64D.decode(parts[1]), secret))
                        ? Check.MATCH_REHASH : Check.MISMATCH;
            }
            return Check.MISMATCH;
        } catch (IllegalArgumentException e) {
            return Check.MISMATCH;
        }
    }

    private static void requireWorkerThread() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("device secret hashing must not run on an event loop ("
                    + Thread.currentThread().getName() + "); use DeviceSecretVerifier's worker executor");
        }
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] sha256(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
