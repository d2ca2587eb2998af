package care.m2m.gateway.coap;

import care.m2m.contracts.codec.MessageCodec;
import care.m2m.gateway.config.GatewayConfig.CoapSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;

/**
 * Californium's configuration, built in code from our settings with an optional overlay file of
 * Californium's own keys ({@code M2MCARE_COAP_CONFIG_FILE}). Never {@code Configuration.createWithFile} or
 * {@code getStandard()}: those write {@code Californium3.properties} into the working folder at start.
 */
final class CoapConfigurations {

    private CoapConfigurations() {
    }

    /** A configuration knowing every module the gateway and its tests use, on Californium's defaults. */
    static Configuration defaults() {
        return new Configuration(SystemConfig.DEFINITIONS, CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
                DtlsConfig.DEFINITIONS);
    }

    static Configuration server(CoapSettings settings) {
        if (settings.maxBodyBytes() < 1 || settings.maxBodyBytes() > MessageCodec.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("M2MCARE_COAP_MAX_BODY_BYTES: expected 1 to "
                    + MessageCodec.MAX_PAYLOAD_BYTES + " (the contract's largest payload), got " + settings.maxBodyBytes());
        }
        Configuration config = defaults();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxBodyBytes());
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        settings.californiumFile().ifPresent(file -> overlay(config, file));
        return config;
    }

    private static void overlay(Configuration config, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("M2MCARE_COAP_CONFIG_FILE: cannot read " + file, e);
        }
    }
}
