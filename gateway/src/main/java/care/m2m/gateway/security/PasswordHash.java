package care.m2m.gateway.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing for people who sign in to the web pages, with the JDK's PBKDF2-HMAC-SHA256 only (no native
 * library to ship): a random 16-byte salt per password and 210,000 iterations (the OWASP 2023 floor), so a
 * stolen {@code users} table costs an attacker real time per guess. Stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} (Base64) so the iteration count can rise later without breaking
 * older rows. Deliberately slow: call it on a worker thread, never on an event loop.
 */
public final class PasswordHash {

    public static final String SCHEME = "pbkdf2-sha256";
    public static final int ITERATIONS = 210_000;
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user is unknown, so an unknown name takes as long as a wrong password. */
    private static final String DUMMY = hash("not-a-password-of-anyone");

    private PasswordHash() {
    }

    /** A fresh salted hash of the password in the stored format. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * Whether the password matches the stored hash, compared in constant time; a malformed or tampered stored
     * value never matches.
     */
    public static boolean verify(String password, String stored) {
        if (password == null || password.isEmpty() || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || expected.length != HASH_BITS / 8) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification without any user, so unknown names cannot be told apart by timing. */
    public static void verifyNobody(String password) {
        verify(password == null ? "" : password, DUMMY);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
