package care.m2m.gateway.tls;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's TLS identity for MQTT over TLS and HTTPS: a PKCS#12 keystore, or a PEM certificate chain with
 * its PEM private key (as containers usually mount them). Files are checked at start, so a typo stops the
 * start with the variable's name rather than failing the first handshake.
 */
public record TlsKeys(Optional<Path> keystore, String keystorePassword, Optional<Path> certificate,
        Optional<Path> privateKey) {

    public TlsKeys {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        keystore.ifPresent(p -> requireFile(p, "M2MCARE_TLS_KEYSTORE"));
        certificate.ifPresent(p -> requireFile(p, "M2MCARE_TLS_CERT"));
        privateKey.ifPresent(p -> requireFile(p, "M2MCARE_TLS_KEY"));
        if (keystore.isEmpty() && certificate.isPresent() != privateKey.isPresent()) {
            throw new IllegalArgumentException("M2MCARE_TLS_CERT and M2MCARE_TLS_KEY: expected both PEM files, got only "
                    + (certificate.isPresent() ? "the certificate" : "the key"));
        }
    }

    /** The configured identity, or empty when TLS is not configured at all. */
    public static Optional<TlsKeys> of(Optional<Path> keystore, String password, Optional<Path> cert, Optional<Path> key) {
        if (keystore.isEmpty() && cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsKeys(keystore, password == null ? "" : password, cert, key));
    }

    public KeyCertOptions options() {
        if (keystore.isPresent()) {
            return new PfxOptions().setPath(keystore.get().toString()).setPassword(keystorePassword);
        }
        return new PemKeyCertOptions().setCertPath(certificate.orElseThrow().toString())
                .setKeyPath(privateKey.orElseThrow().toString());
    }

    private static void requireFile(Path path, String variable) {
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(variable + ": expected a readable file, got " + path);
        }
    }
}
