package care.m2m.gateway.config;

import care.m2m.anomaly.DetectorFactory;
import care.m2m.gateway.store.influx.InfluxSettings;
import care.m2m.gateway.tls.TlsKeys;
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
        AnomalySettings anomaly,
        AdvisorSettings advisor,
        TicketSettings tickets,
        ClusterSettings cluster,
        RepairEffectSettings repairEffect,
        DeviceSecretSettings deviceSecrets) {

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
        Objects.requireNonNull(advisor, "advisor");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(repairEffect, "repairEffect");
        Objects.requireNonNull(deviceSecrets, "deviceSecrets");
    }

    /**
     * How device secrets are stored and checked: PBKDF2 iterations for new hashes (lower it for load tests
     * that register tens of thousands of devices) and how many devices' verified secrets are remembered so
     * that reconnects skip the key derivation (0: none).
     */
    public record DeviceSecretSettings(int iterations, int cacheSize) {
        public static final int DEFAULT_ITERATIONS = 10_000;
        public static final int DEFAULT_CACHE_SIZE = 100_000;
        public static final int MAX_ITERATIONS = 10_000_000;

        public DeviceSecretSettings {
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("M2MCARE_DEVICE_SECRET_ITERATIONS: expected 1 to " + MAX_ITERATIONS
                        + ", got " + iterations);
            }
            if (cacheSize < 0) {
                throw new IllegalArgumentException("M2MCARE_DEVICE_SECRET_CACHE_SIZE: expected 0 or more, got "
                        + cacheSize);
            }
        }
    }

    /**
     * The repair-effect experiment: the share of self-repairable faults held out of self-repair at random (0
     * switches it off; at most 0.5) and the horizon within which a returning fault counts as a repeat.
     * Off by default: holding a repair back from a real customer's product is a decision the product maker takes
     * knowingly, not one an upgrade takes for them. 0.05 is the recommended share when measuring: a held-out
     * fault costs the customer a tip or a ticket that a repair might have spared, and at 5 % a fault code with
     * 2,000 faults a month gives about 100 controls a month, which bounds a repeat-rate difference to about ±0.1.
     */
    public record RepairEffectSettings(double holdoutShare, Duration horizon) {
        public static final double DEFAULT_HOLDOUT_SHARE = 0.0;
        public static final double RECOMMENDED_HOLDOUT_SHARE = 0.05;
        public static final Duration DEFAULT_HORIZON = Duration.ofDays(7);

        public RepairEffectSettings {
            if (!(holdoutShare >= 0 && holdoutShare <= 0.5)) {
                throw new IllegalArgumentException("M2MCARE_REPAIR_HOLDOUT_SHARE: expected 0 to 0.5, got " + holdoutShare);
            }
            if (horizon.isNegative() || horizon.isZero()) {
                throw new IllegalArgumentException("M2MCARE_REPAIR_EFFECT_HORIZON_HOURS: expected at least 1, got "
                        + horizon.toHours());
            }
        }
    }

    /**
     * Tickets for field service: the field-service API token (generated into {@code <data>/field-service-token}
     * when not set), how long a device must stay healthy before its ticket resolves itself, how long a
     * resolved ticket may be reopened, how often tickets are swept, and the webhook towards the field-service
     * system (absent: events wait in the outbox).
     */
    public record TicketSettings(Optional<String> fieldServiceToken, Duration resolveAfter, Duration reopenWindow,
            Duration sweepInterval, Optional<WebhookSettings> webhook) {
        public static final Duration DEFAULT_RESOLVE_AFTER = Duration.ofHours(1);
        public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(7);
        public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(5);

        public TicketSettings {
            Objects.requireNonNull(fieldServiceToken, "fieldServiceToken");
            Objects.requireNonNull(webhook, "webhook");
        }
    }

    /** Where ticket events are POSTed, the HMAC secret, and the retry back-off (doubling from base up to cap). */
    public record WebhookSettings(java.net.URI url, String secret, Duration interval, Duration retryBase,
            Duration retryCap) {
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
        public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(2);
        public static final Duration DEFAULT_RETRY_CAP = Duration.ofMinutes(10);
    }

    /**
     * Learned anomaly detection on metrics without rules: on or off, the score that raises the generic
     * ANOMALY fault, how long all streams must stay quiet before it clears, and the detector method
     * ({@code FUSED}, the best NAB figures, about 4.2 KB and 0.4 us per stream and point; {@code ENSEMBLE},
     * about 0.3 KB and 0.12 us, for very large fleets; see anomaly/README.md).
     */
    public record AnomalySettings(boolean enabled, double threshold, Duration quiet, DetectorFactory.Method method) {
        public static final double DEFAULT_THRESHOLD = 0.5;
        public static final Duration DEFAULT_QUIET = Duration.ofMinutes(30);
    }

    /**
     * The usage advisor: how often it runs over the fleet (zero: never by itself), how much history it reads,
     * the time-of-use tariff it prices energy with until a customer's own tariff is known, and the share of
     * devices held out of each kind of tip as the control group that measures whether it works.
     */
    public record AdvisorSettings(Duration interval, Duration window, double peakEurPerKwh, double offPeakEurPerKwh,
            double holdoutShare) {
        public static final double DEFAULT_HOLDOUT_SHARE = 0.1;
        public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
        public static final Duration DEFAULT_WINDOW = Duration.ofDays(14);
        public static final double DEFAULT_PEAK_EUR_PER_KWH = 0.35;
        public static final double DEFAULT_OFF_PEAK_EUR_PER_KWH = 0.22;
    }

    /**
     * MQTT listeners: plain (can be switched off) and, when TLS keys are configured, MQTT over TLS; how large
     * one packet may be (larger packets end the connection) and how many may be in flight;
     * {@code consolidateFlushes} lets the acknowledgements of one store batch leave a connection in one write.
     */
    public record MqttSettings(String host, int port, int maxPacketBytes, int receiveMaximum, boolean plainEnabled,
            int tlsPort, Optional<TlsKeys> tls, boolean consolidateFlushes) {
        public static final int DEFAULT_PORT = 1883;
        public static final int DEFAULT_TLS_PORT = 8883;
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

    /** HTTP listener for the API, health, metrics and pages; HTTPS when TLS keys are given for it. */
    public record HttpSettings(String host, int port, Optional<TlsKeys> tls) {
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

    /**
     * How telemetry is handed to the store: bounded queue, largest batch per write, and how many batches may be in
     * flight at once ({@code writers}; 0 = the store's own choice, see {@link #writersFor(boolean)}), and whether a
     * local journal stands in front of InfluxDB.
     */
    public record WriterSettings(int queueCapacity, int maxBatchPoints, int writers, JournalSettings journal) {

        public WriterSettings {
            Objects.requireNonNull(journal, "journal");
        }

        public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
        public static final int DEFAULT_MAX_BATCH_POINTS = 5_000;
        /**
         * InfluxDB takes concurrent writes; two in flight beat one (the pipeline waits on each write) and four
         * (smaller batches cost InfluxDB more CPU per point) on 2 cores, measured with bench/ingest-compare.sh.
         */
        public static final int DEFAULT_INFLUX_WRITERS = 2;

        /**
         * Writer threads for the store: the configured count, else 2 for InfluxDB written directly and 1 for the
         * embedded store or the journal (whose appends are one after another anyway).
         */
        public int writersFor(boolean embeddedStore) {
            if (writers > 0) {
                return writers;
            }
            return embeddedStore || journal.enabled() ? 1 : DEFAULT_INFLUX_WRITERS;
        }
    }

    /**
     * The telemetry journal ({@code M2MCARE_TELEMETRY_JOURNAL=true}, for InfluxDB only): a message is
     * acknowledged once it is synced to a local file in {@code dir}, and forwarded to InfluxDB behind it, so
     * InfluxDB's write latency and outages (up to {@code maxBytes} waiting) no longer reach the devices.
     */
    public record JournalSettings(boolean enabled, Path dir, long maxBytes) {
        public static final String DEFAULT_FOLDER = "telemetry-journal";
        public static final int DEFAULT_MAX_MB = 1024;

        public JournalSettings {
            Objects.requireNonNull(dir, "dir");
            if (maxBytes < 1024 * 1024) {
                throw new IllegalArgumentException("M2MCARE_TELEMETRY_JOURNAL_MAX_MB: at least 1 MiB, got " + maxBytes
                        + " bytes");
            }
        }
    }
}
