package care.m2m.gateway.config;

import care.m2m.gateway.store.influx.InfluxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway needs to start, typed and immutable. Built by {@link ConfigLoader} from
 * {@code M2MCARE_*} environment variables and an optional properties file; every value has a named default,
 * so {@code java -jar gateway.jar} runs with no set-up at all.
 */
public record GatewayConfig(
        Path dataDir,
        MqttSettings mqtt,
        CoapSettings coap,
        HttpSettings http,
        Optional<InfluxSettings> influx,
        SqlSettings sql,
        Optional<String> adminToken,
        WriterSettings writer,
        Optional<Path> modelsDir,
        AnomalySettings anomaly) {

    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(coap, "coap");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(influx, "influx");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(anomaly, "anomaly");
    }

    /**
     * Learned anomaly detection on metrics without rules: on or off, the score that raises the generic
     * ANOMALY fault, and how long all streams must stay quiet before it clears.
     */
    public record AnomalySettings(boolean enabled, double threshold, Duration quiet) {
        public static final double DEFAULT_THRESHOLD = 0.5;
        public static final Duration DEFAULT_QUIET = Duration.ofMinutes(30);
    }

    /** MQTT listener: where, and how large one packet may be (larger packets end the connection). */
    public record MqttSettings(String host, int port, int maxPacketBytes, int receiveMaximum) {
        public static final int DEFAULT_PORT = 1883;
        public static final int DEFAULT_MAX_PACKET_BYTES = 256 * 1024;
        public static final int DEFAULT_RECEIVE_MAXIMUM = 100;
    }

    /**
     * CoAP listeners for constrained devices: plain UDP (token authentication, trusted networks only) and
     * DTLS 1.2 with per-device pre-shared keys. The Californium file is an optional overlay of Californium's
     * own settings; {@code pskMasterKey} (base64) replaces the generated {@code <data>/psk-master-key}.
     */
    public record CoapSettings(boolean enabled, String host, int port, int dtlsPort, int maxBodyBytes,
            Optional<Path> californiumFile, Optional<String> pskMasterKey) {
        public static final int DEFAULT_PORT = 5683;
        public static final int DEFAULT_DTLS_PORT = 5684;
        /** Largest request body, reassembled from blocks; larger bodies are answered with 4.13. */
        public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

        public CoapSettings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(californiumFile, "californiumFile");
            Objects.requireNonNull(pskMasterKey, "pskMasterKey");
        }
    }

    /** HTTP listener for the API, health, metrics and (later) pages. */
    public record HttpSettings(String host, int port) {
        public static final int DEFAULT_PORT = 8080;
    }

    /**
     * Records database (device registry, later commands, tickets, tips). Empty URL means the embedded H2
     * database under the data folder.
     */
    public record SqlSettings(Optional<String> url, String username, String password, int poolSize) {
        public static final int DEFAULT_POOL_SIZE = 8;

        public boolean embedded() {
            return url.isEmpty();
        }
    }

    /** How telemetry is handed to the store: bounded queue, largest batch per write. */
    public record WriterSettings(int queueCapacity, int maxBatchPoints) {
        public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
        public static final int DEFAULT_MAX_BATCH_POINTS = 5_000;
    }
}
