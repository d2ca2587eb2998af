package care.m2m.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void withNothingSetTheEmbeddedDefaultsApply() {
        GatewayConfig config = ConfigLoader.from(Map.of());

        assertThat(config.mqtt().port()).isEqualTo(1883);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.influx()).isEmpty();
        assertThat(config.sql().embedded()).isTrue();
        assertThat(config.adminToken()).isEmpty();
    }

    @Test
    void environmentVariablesOverrideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.properties");
        Files.writeString(file, "M2MCARE_MQTT_PORT=1999\nM2MCARE_HTTP_PORT=9000\nM2MCARE_INFLUX_URL=http://influx:8086\n");

        GatewayConfig config = ConfigLoader.from(Map.of("M2MCARE_CONFIG_FILE", file.toString(), "M2MCARE_HTTP_PORT", "9100"));

        assertThat(config.mqtt().port()).isEqualTo(1999);
        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.influx()).hasValueSatisfying(i -> {
            assertThat(i.url()).isEqualTo("http://influx:8086");
            assertThat(i.database()).isEqualTo("m2mcare");
        });
    }

    @Test
    void aBadNumberNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("M2MCARE_MQTT_PORT", "eighteen")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("M2MCARE_MQTT_PORT: expected a whole number, got 'eighteen'");
    }

    @Test
    void deviceSecretHashingIsConfigurableWithinLimits() {
        assertThat(ConfigLoader.from(Map.of()).deviceSecrets().iterations()).isEqualTo(10_000);
        GatewayConfig config = ConfigLoader.from(Map.of("M2MCARE_DEVICE_SECRET_ITERATIONS", "1",
                "M2MCARE_DEVICE_SECRET_CACHE_SIZE", "0"));
        assertThat(config.deviceSecrets().iterations()).isEqualTo(1);
        assertThat(config.deviceSecrets().cacheSize()).isZero();
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("M2MCARE_DEVICE_SECRET_ITERATIONS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("M2MCARE_DEVICE_SECRET_ITERATIONS: expected 1 to 10000000, got 0");
    }

    @Test
    void theTelemetryJournalIsOffByDefaultAndLivesInTheDataFolder() {
        GatewayConfig defaults = ConfigLoader.from(Map.of("M2MCARE_DATA_DIR", "/srv/m2m"));
        assertThat(defaults.writer().journal().enabled()).isFalse();
        assertThat(defaults.writer().journal().dir()).isEqualTo(Path.of("/srv/m2m/telemetry-journal"));
        assertThat(defaults.writer().writersFor(false)).isEqualTo(2);
        GatewayConfig on = ConfigLoader.from(Map.of("M2MCARE_TELEMETRY_JOURNAL", "true",
                "M2MCARE_TELEMETRY_JOURNAL_DIR", "/disk/journal", "M2MCARE_TELEMETRY_JOURNAL_MAX_MB", "64"));
        assertThat(on.writer().journal().enabled()).isTrue();
        assertThat(on.writer().journal().dir()).isEqualTo(Path.of("/disk/journal"));
        assertThat(on.writer().journal().maxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(on.writer().writersFor(false)).as("journal appends go one after another").isEqualTo(1);
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("M2MCARE_TELEMETRY_JOURNAL_MAX_MB", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("M2MCARE_TELEMETRY_JOURNAL_MAX_MB");
    }
}
