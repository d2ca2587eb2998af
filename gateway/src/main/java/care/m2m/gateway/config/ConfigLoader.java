package care.m2m.gateway.config;

import care.m2m.anomaly.DetectorFactory;
import care.m2m.gateway.config.GatewayConfig.CoapSettings;
import care.m2m.gateway.config.GatewayConfig.DeviceSecretSettings;
import care.m2m.gateway.tls.TlsKeys;
import care.m2m.gateway.config.GatewayConfig.AdvisorSettings;
import care.m2m.gateway.config.GatewayConfig.AnomalySettings;
import care.m2m.gateway.config.GatewayConfig.HttpSettings;
import care.m2m.gateway.config.GatewayConfig.JournalSettings;
import care.m2m.gateway.config.GatewayConfig.MqttSettings;
import care.m2m.gateway.config.GatewayConfig.RepairEffectSettings;
import care.m2m.gateway.config.GatewayConfig.SqlSettings;
import care.m2m.gateway.config.GatewayConfig.TicketSettings;
import care.m2m.gateway.config.GatewayConfig.WebhookSettings;
import care.m2m.gateway.config.GatewayConfig.WriterSettings;
import care.m2m.gateway.store.influx.InfluxSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link GatewayConfig} from {@code M2MCARE_*} variables. If {@code M2MCARE_CONFIG_FILE} names a
 * properties file, its keys (the same names) are read first and environment variables override them.
 * A value that cannot be parsed stops the start with a message naming the variable.
 */
public final class ConfigLoader {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_INFLUX_DATABASE = "m2mcare";

    private final Map<String, String> values;

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    public static GatewayConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** Builds the configuration from the given variables (the environment, or a test's map). */
    public static GatewayConfig from(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>();
        String file = env.get("M2MCARE_CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            merged.putAll(readProperties(Path.of(file)));
        }
        merged.putAll(env);
        return new ConfigLoader(merged).build();
    }

    private GatewayConfig build() {
        String host = text("M2MCARE_HOST", DEFAULT_HOST);
        Optional<TlsKeys> tls = TlsKeys.of(optional("M2MCARE_TLS_KEYSTORE").map(Path::of),
                text("M2MCARE_TLS_KEYSTORE_PASSWORD", ""), optional("M2MCARE_TLS_CERT").map(Path::of),
                optional("M2MCARE_TLS_KEY").map(Path::of));
        Path dataDir = Path.of(text("M2MCARE_DATA_DIR", DEFAULT_DATA_DIR));
        return new GatewayConfig(
                dataDir,
                new MqttSettings(host, integer("M2MCARE_MQTT_PORT", MqttSettings.DEFAULT_PORT),
                        integer("M2MCARE_MQTT_MAX_PACKET_BYTES", MqttSettings.DEFAULT_MAX_PACKET_BYTES),
                        integer("M2MCARE_MQTT_RECEIVE_MAXIMUM", MqttSettings.DEFAULT_RECEIVE_MAXIMUM),
                        bool("M2MCARE_MQTT_PLAIN_ENABLED", true),
                        integer("M2MCARE_MQTTS_PORT", MqttSettings.DEFAULT_TLS_PORT), tls,
                        bool("M2MCARE_MQTT_CONSOLIDATE_FLUSHES", true)),
                new CoapSettings(bool("M2MCARE_COAP_ENABLED", true), host,
                        integer("M2MCARE_COAP_PORT", CoapSettings.DEFAULT_PORT),
                        integer("M2MCARE_COAPS_PORT", CoapSettings.DEFAULT_DTLS_PORT),
                        integer("M2MCARE_COAP_MAX_BODY_BYTES", CoapSettings.DEFAULT_MAX_BODY_BYTES),
                        optional("M2MCARE_COAP_CONFIG_FILE").map(Path::of),
                        optional("M2MCARE_PSK_MASTER_KEY")),
                new HttpSettings(host, integer("M2MCARE_HTTP_PORT", HttpSettings.DEFAULT_PORT),
                        bool("M2MCARE_HTTP_TLS", false) ? requireTls(tls, "M2MCARE_HTTP_TLS") : Optional.empty()),
                optional("M2MCARE_INFLUX_URL").map(url -> new InfluxSettings(url,
                        text("M2MCARE_INFLUX_DATABASE", DEFAULT_INFLUX_DATABASE),
                        optional("M2MCARE_INFLUX_USERNAME").orElse(null),
                        optional("M2MCARE_INFLUX_PASSWORD").orElse(null),
                        optional("M2MCARE_INFLUX_RETENTION_POLICY").orElse(null),
                        Duration.ofMillis(integer("M2MCARE_INFLUX_TIMEOUT_MS", 10_000)))),
                new SqlSettings(optional("M2MCARE_SQL_URL"), text("M2MCARE_SQL_USERNAME", "m2mcare"),
                        text("M2MCARE_SQL_PASSWORD", ""),
                        integer("M2MCARE_SQL_POOL_SIZE", SqlSettings.DEFAULT_POOL_SIZE)),
                optional("M2MCARE_ADMIN_TOKEN"),
                new WriterSettings(integer("M2MCARE_WRITER_QUEUE_CAPACITY", WriterSettings.DEFAULT_QUEUE_CAPACITY),
                        integer("M2MCARE_WRITER_MAX_BATCH_POINTS", WriterSettings.DEFAULT_MAX_BATCH_POINTS),
                        integer("M2MCARE_WRITER_THREADS", 0),
                        new JournalSettings(bool("M2MCARE_TELEMETRY_JOURNAL", false),
                                optional("M2MCARE_TELEMETRY_JOURNAL_DIR").map(Path::of)
                                        .orElse(dataDir.resolve(JournalSettings.DEFAULT_FOLDER)),
                                1024L * 1024 * integer("M2MCARE_TELEMETRY_JOURNAL_MAX_MB", JournalSettings.DEFAULT_MAX_MB))),
                optional("M2MCARE_MODELS_DIR").map(Path::of),
                new AnomalySettings(bool("M2MCARE_ANOMALY_ENABLED", true),
                        decimal("M2MCARE_ANOMALY_THRESHOLD", AnomalySettings.DEFAULT_THRESHOLD),
                        Duration.ofMinutes(integer("M2MCARE_ANOMALY_QUIET_MINUTES",
                                (int) AnomalySettings.DEFAULT_QUIET.toMinutes())),
                        anomalyMethod(text("M2MCARE_ANOMALY_METHOD", DetectorFactory.DEFAULT_METHOD.name()))),
                new AdvisorSettings(
                        Duration.ofMinutes(integer("M2MCARE_ADVISOR_INTERVAL_MINUTES",
                                (int) AdvisorSettings.DEFAULT_INTERVAL.toMinutes())),
                        Duration.ofDays(integer("M2MCARE_ADVISOR_WINDOW_DAYS", (int) AdvisorSettings.DEFAULT_WINDOW.toDays())),
                        decimal("M2MCARE_TARIFF_PEAK_EUR_PER_KWH", AdvisorSettings.DEFAULT_PEAK_EUR_PER_KWH),
                        decimal("M2MCARE_TARIFF_OFFPEAK_EUR_PER_KWH", AdvisorSettings.DEFAULT_OFF_PEAK_EUR_PER_KWH),
                        decimal("M2MCARE_TIPS_HOLDOUT_SHARE", AdvisorSettings.DEFAULT_HOLDOUT_SHARE)),
                tickets(),
                cluster(),
                new RepairEffectSettings(decimal("M2MCARE_REPAIR_HOLDOUT_SHARE", RepairEffectSettings.DEFAULT_HOLDOUT_SHARE),
                        Duration.ofHours(integer("M2MCARE_REPAIR_EFFECT_HORIZON_HOURS",
                                (int) RepairEffectSettings.DEFAULT_HORIZON.toHours()))),
                new DeviceSecretSettings(
                        integer("M2MCARE_DEVICE_SECRET_ITERATIONS", DeviceSecretSettings.DEFAULT_ITERATIONS),
                        integer("M2MCARE_DEVICE_SECRET_CACHE_SIZE", DeviceSecretSettings.DEFAULT_CACHE_SIZE)));
    }

    private ClusterSettings cluster() {
        if (!bool("M2MCARE_CLUSTER_ENABLED", false)) {
            return ClusterSettings.disabled();
        }
        if (optional("M2MCARE_SQL_URL").filter(url -> !url.startsWith("jdbc:h2:")).isEmpty()) {
            throw new IllegalArgumentException("M2MCARE_CLUSTER_ENABLED: clustered mode needs a records database all"
                    + " instances share (M2MCARE_SQL_URL=jdbc:postgresql://...), got "
                    + optional("M2MCARE_SQL_URL").orElse("the embedded H2 database"));
        }
        for (String shared : java.util.List.of("M2MCARE_ADMIN_TOKEN", "M2MCARE_FIELD_SERVICE_TOKEN",
                "M2MCARE_PSK_MASTER_KEY")) {
            if (optional(shared).isEmpty()) {
                throw new IllegalArgumentException(shared + ": clustered mode needs the same value on every instance"
                        + " (each would otherwise generate its own into its data folder), got nothing");
            }
        }
        if (optional("M2MCARE_INFLUX_URL").isEmpty()) {
            throw new IllegalArgumentException("M2MCARE_CLUSTER_ENABLED: clustered mode needs a telemetry store all"
                    + " instances share (M2MCARE_INFLUX_URL), got the embedded store");
        }
        return new ClusterSettings(true, text("M2MCARE_CLUSTER_HOST", ClusterSettings.DEFAULT_HOST),
                integer("M2MCARE_CLUSTER_PORT", ClusterSettings.DEFAULT_PORT), optional("M2MCARE_CLUSTER_PUBLIC_HOST"),
                optional("M2MCARE_CLUSTER_MEMBERS").map(m -> java.util.Arrays.stream(m.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList()).orElse(java.util.List.of()),
                integer("M2MCARE_EVENTBUS_PORT", 0),
                Duration.ofSeconds(integer("M2MCARE_CLUSTER_HEARTBEAT_SECONDS",
                        (int) ClusterSettings.DEFAULT_HEARTBEAT.toSeconds())),
                Duration.ofSeconds(integer("M2MCARE_CLUSTER_FAILURE_SECONDS",
                        (int) ClusterSettings.DEFAULT_FAILURE_TIMEOUT.toSeconds())));
    }

    private TicketSettings tickets() {
        Optional<WebhookSettings> webhook = optional("M2MCARE_WEBHOOK_URL").map(url -> new WebhookSettings(uri(url),
                optional("M2MCARE_WEBHOOK_SECRET").orElseThrow(() -> new IllegalArgumentException(
                        "M2MCARE_WEBHOOK_SECRET: required when M2MCARE_WEBHOOK_URL is set, got nothing")),
                Duration.ofMillis(integer("M2MCARE_WEBHOOK_INTERVAL_MS", (int) WebhookSettings.DEFAULT_INTERVAL.toMillis())),
                Duration.ofMillis(integer("M2MCARE_WEBHOOK_RETRY_BASE_MS", (int) WebhookSettings.DEFAULT_RETRY_BASE.toMillis())),
                Duration.ofSeconds(integer("M2MCARE_WEBHOOK_RETRY_CAP_SECONDS",
                        (int) WebhookSettings.DEFAULT_RETRY_CAP.toSeconds()))));
        return new TicketSettings(optional("M2MCARE_FIELD_SERVICE_TOKEN"),
                Duration.ofSeconds(integer("M2MCARE_TICKET_RESOLVE_AFTER_SECONDS",
                        (int) TicketSettings.DEFAULT_RESOLVE_AFTER.toSeconds())),
                Duration.ofSeconds(integer("M2MCARE_TICKET_REOPEN_WINDOW_SECONDS",
                        (int) TicketSettings.DEFAULT_REOPEN_WINDOW.toSeconds())),
                Duration.ofMillis(integer("M2MCARE_TICKET_SWEEP_MS", (int) TicketSettings.DEFAULT_SWEEP_INTERVAL.toMillis())),
                webhook);
    }

    private static java.net.URI uri(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("M2MCARE_WEBHOOK_URL: expected an http or https URL, got '" + url + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("M2MCARE_WEBHOOK_URL: expected a URL, got '" + url + "'", e);
        }
    }

    private Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static DetectorFactory.Method anomalyMethod(String value) {
        try {
            return DetectorFactory.Method.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("M2MCARE_ANOMALY_METHOD: expected one of "
                    + Arrays.toString(DetectorFactory.Method.values()) + ", got '" + value + "'");
        }
    }

    private String text(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    private int integer(String name, int defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, got '" + value.get() + "'", e);
        }
    }

    private static Optional<TlsKeys> requireTls(Optional<TlsKeys> tls, String variable) {
        if (tls.isEmpty()) {
            throw new IllegalArgumentException(variable + ": needs M2MCARE_TLS_KEYSTORE or M2MCARE_TLS_CERT and"
                    + " M2MCARE_TLS_KEY, got none of them");
        }
        return tls;
    }

    private double decimal(String name, double defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number such as 0.5, got '" + value.get() + "'", e);
        }
    }

    private boolean bool(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + ": expected true or false, got '" + value.get() + "'");
        };
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("M2MCARE_CONFIG_FILE: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }
}
