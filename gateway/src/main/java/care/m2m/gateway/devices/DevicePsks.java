package care.m2m.gateway.devices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pre-shared keys for DTLS. A DTLS server needs each device's raw key, but the registry keeps only hashes
 * of device secrets; so a device's PSK is derived from one gateway master key instead:
 * {@code base64url(HMAC-SHA256(masterKey, deviceId)[0..24])}, 32 printable characters whose ASCII bytes are
 * the key. Derivable at any time, never stored, and printable so that tools which take the key as text
 * (libcoap's {@code -k}) and 32-byte PSK limits of small TLS stacks both work. Only registered devices are
 * given their key by the DTLS server, so deleting a device revokes its PSK; rotating the master key
 * changes every device's PSK at once.
 */
public final class DevicePsks {

    public static final String FILE_NAME = "psk-master-key";
    private static final int MASTER_KEY_BYTES = 32;
    private static final int PSK_BYTES = 24;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec masterKey;

    private DevicePsks(byte[] masterKey) {
        if (masterKey.length < 16) {
            throw new IllegalArgumentException("the PSK master key must have at least 16 bytes, got " + masterKey.length);
        }
        this.masterKey = new SecretKeySpec(masterKey, HMAC);
    }

    /** For tests and tools that hold the master key already. */
    public static DevicePsks of(byte[] masterKey) {
        return new DevicePsks(masterKey.clone());
    }

    /**
     * The configured master key (base64) or the one in {@code <data>/psk-master-key}, generated there on the
     * first start (readable by the owner only), so that a restart keeps every device's PSK.
     */
    public static DevicePsks resolve(Optional<String> configuredBase64, Path dataDir) {
        if (configuredBase64.isPresent()) {
            try {
                return new DevicePsks(Base64.getDecoder().decode(configuredBase64.get().trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("M2MCARE_PSK_MASTER_KEY: expected base64 of at least 16 bytes: "
                        + e.getMessage(), e);
            }
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new DevicePsks(Base64.getDecoder().decode(Files.readString(file).trim()));
            }
            byte[] key = new byte[MASTER_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dataDir);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps its default permissions
            }
            return new DevicePsks(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the PSK master key file " + file, e);
        }
    }

    /** The device's PSK as text (32 base64url characters); the key bytes are its ASCII bytes. */
    public String psk(String deviceId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(masterKey);
            byte[] digest = mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, PSK_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The key bytes a DTLS handshake uses. */
    public byte[] pskBytes(String deviceId) {
        return psk(deviceId).getBytes(StandardCharsets.US_ASCII);
    }
}
