package care.m2m.gateway.devices;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets and tokens (256 bits, URL-safe), and the fast salted SHA-256 form ({@code sha256$salt$hash})
 * that high-entropy API tokens checked on every request (customer tokens) are stored in. Device secrets were
 * stored in that form too; they are now stored with {@link DeviceSecretHash}, which still reads the old rows.
 */
public final class DeviceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private DeviceSecrets() {
    }

    /** A new random secret, 43 URL-safe characters. */
    public static String newSecret() {
        return randomToken(32);
    }

    public static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return B64.encodeToString(raw);
    }

    /** {@code sha256$<salt>$<hash>}, each part base64url: only for random tokens of 256 bits. */
    public static String sha256Hash(String token) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return DeviceSecretHash.LEGACY_SCHEME + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(DeviceSecretHash.sha256(salt, token));
    }

    /** Whether the token matches a {@link #sha256Hash} value, compared in constant time. */
    public static boolean sha256Matches(String token, String stored) {
        if (token == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !DeviceSecretHash.LEGACY_SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            byte[] expected = B64D.decode(parts[2]);
            return MessageDigest.isEqual(expected, DeviceSecretHash.sha256(B64D.decode(parts[1]), token));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
