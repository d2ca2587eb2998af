package care.m2m.gateway.admin;

import care.m2m.gateway.devices.DeviceSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token of the admin API: {@code M2MCARE_ADMIN_TOKEN} when set, otherwise generated on first
 * start and kept in {@code <data>/admin-token} (readable by the owner only), so a restart keeps it.
 * The token itself is never logged.
 */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";

    private volatile byte[] token;
    private final Optional<Path> file;

    private AdminToken(String token, Optional<Path> file) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.file = file;
    }

    public static AdminToken resolve(Optional<String> configured, Path dataDir) {
        return resolve(configured, dataDir, FILE_NAME);
    }

    /** The same rules for another bearer token (the field-service token), kept in {@code <data>/<fileName>}. */
    public static AdminToken resolve(Optional<String> configured, Path dataDir, String fileName) {
        if (configured.isPresent()) {
            return new AdminToken(configured.get(), Optional.empty());
        }
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return new AdminToken(Files.readString(file).trim(), Optional.of(file));
            }
            String token = DeviceSecrets.randomToken(32);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps its default permissions
            }
            return new AdminToken(token, Optional.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
        }
    }

    /** Constant-time comparison with a presented token. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The token itself, for the gateway's own server-side calls on behalf of a signed-in person (the web pages
     * calling the ticket API for a technician who signed in with a password). Never log it or send it to a browser.
     */
    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /**
     * Replaces a generated token with a new one (the old one stops working at once) and keeps it in its file.
     *
     * @throws IllegalStateException when the token comes from configuration and must be changed there
     */
    public synchronized String rotate() {
        Path target = file.orElseThrow(() -> new IllegalStateException(
                "the token is configured (environment variable); change it there and restart"));
        String fresh = DeviceSecrets.randomToken(32);
        try {
            Files.writeString(target, fresh + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new token to " + target, e);
        }
        token = fresh.getBytes(StandardCharsets.UTF_8);
        return fresh;
    }

    /** Where the token is kept, when it was generated rather than configured. */
    public Optional<Path> file() {
        return file;
    }
}
