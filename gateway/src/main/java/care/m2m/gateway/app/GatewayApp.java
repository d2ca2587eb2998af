package care.m2m.gateway.app;

import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.topics.MessageType;
import care.m2m.anomaly.ArtConfig;
import care.m2m.anomaly.DetectorConfig;
import care.m2m.anomaly.DetectorFactory;
import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.diagnosis.anomaly.AnomalyWatch;
import care.m2m.gateway.api.HttpApi;
import care.m2m.advisor.Generators;
import care.m2m.advisor.effect.Holdout;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.gateway.advice.AdviceJob;
import care.m2m.gateway.api.AdminRoutes;
import care.m2m.gateway.api.AdviceRoutes;
import care.m2m.gateway.audit.AuditLog;
import care.m2m.gateway.audit.AuditTrail;
import care.m2m.gateway.api.CustomerRoutes;
import care.m2m.gateway.api.LadderRoutes;
import care.m2m.gateway.api.RepairEffectRoutes;
import care.m2m.gateway.repair.RepairAssignmentStore;
import care.m2m.gateway.repair.RepairEffect;
import care.m2m.gateway.repair.RepairHoldout;
import care.m2m.gateway.api.UserRoutes;
import care.m2m.gateway.users.UserStore;
import care.m2m.gateway.timeline.DeviceTimeline;
import care.m2m.gateway.tips.CustomerStore;
import care.m2m.gateway.tips.FaultTipRung;
import care.m2m.gateway.tips.TipEffectiveness;
import care.m2m.gateway.tips.TipEvents;
import care.m2m.gateway.tips.TipService;
import care.m2m.gateway.tips.TipStore;
import care.m2m.gateway.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import care.m2m.gateway.commands.AnyDownlink;
import care.m2m.gateway.commands.Downlink;
import care.m2m.gateway.cluster.ClusterDownlink;
import care.m2m.gateway.cluster.ClusterMetrics;
import care.m2m.gateway.cluster.DeviceHandover;
import care.m2m.gateway.cluster.DeviceLocator;
import care.m2m.gateway.cluster.GatewayCluster;
import care.m2m.gateway.cluster.Membership;
import care.m2m.gateway.cluster.RemoteCommands;
import care.m2m.gateway.commands.CommandSettings;
import care.m2m.gateway.commands.CommandStore;
import care.m2m.gateway.diagnosis.FaultStore;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import care.m2m.gateway.ladder.ServiceLadder;
import care.m2m.gateway.mqtt.MqttDownlink;
import care.m2m.gateway.repair.RepairAttemptStore;
import care.m2m.gateway.coap.CoapDownlink;
import care.m2m.gateway.coap.CoapTransport;
import care.m2m.gateway.config.GatewayConfig;
import care.m2m.gateway.config.GatewayConfig.JournalSettings;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.devices.DevicePsks;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.devices.DeviceSecretHash;
import care.m2m.gateway.devices.DeviceSecretVerifier;
import care.m2m.gateway.events.DeviceEventLog;
import care.m2m.gateway.ingest.IngestService;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.metrics.MicrometerGatewayMetrics;
import care.m2m.gateway.mqtt.ConnectedDevices;
import care.m2m.gateway.mqtt.MqttTransport;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.store.BatchingTelemetryWriter;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.store.embedded.EmbeddedTelemetryStore;
import care.m2m.gateway.store.influx.InfluxTelemetryStore;
import care.m2m.gateway.store.journal.JournaledTelemetryStore;
import care.m2m.gateway.tickets.TicketFeature;
import care.m2m.gateway.web.WebPages;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring: builds every component from the configuration, passes collaborators through constructors,
 * deploys the verticles, and tears it all down in reverse order. The one class that knows everything.
 */
public final class GatewayApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TIP_SWEEP = Duration.ofSeconds(5);

    private final GatewayConfig config;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Vertx vertx;
    private int mqttPort;
    private int mqttsPort;
    private int coapPort = -1;
    private int coapsPort = -1;
    private CoapDownlink coapDownlink;
    private int httpPort;
    private AdminToken adminToken;
    private AuthThrottle throttle;
    private ConnectedDevices connected;
    private IngestService ingest;
    private ServiceLadder ladder;
    private TipService tips;
    private Membership membership = Membership.SINGLE;

    private GatewayApp(GatewayConfig config) {
        this.config = config;
    }

    /**
     * Starts a gateway and returns once every listener is bound. Blocks the calling thread, so never call it
     * from an event loop.
     */
    public static GatewayApp start(GatewayConfig config) {
        GatewayApp app = new GatewayApp(config);
        try {
            app.startComponents();
            return app;
        } catch (Exception e) {
            app.close();
            throw new IllegalStateException("the gateway could not start: " + e.getMessage(), e);
        }
    }

    private void startComponents() throws Exception {
        Files.createDirectories(config.dataDir());
        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        VertxOptions vertxOptions = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        if (config.cluster().enabled()) {
            GatewayCluster cluster = GatewayCluster.start(config.cluster(), vertxOptions,
                    new MicrometerMetricsFactory(registry));
            vertx = cluster.vertx();
            membership = cluster;
        } else {
            vertx = Vertx.builder().with(vertxOptions).withMetrics(new MicrometerMetricsFactory(registry)).build();
        }
        GatewayMetrics metrics = new MicrometerGatewayMetrics(registry);
        ClusterMetrics.register(registry, membership);

        ModelCatalog models = config.modelsDir().map(DeviceModels::load).orElseGet(DeviceModels::builtIn);
        RecordsDatabase records = RecordsDatabase.open(config.sql(), config.dataDir());
        closeables.add(records);
        TelemetryStore store = openStore(metrics);
        closeables.add(store);
        BatchingTelemetryWriter writer = new BatchingTelemetryWriter(store, metrics,
                config.writer().queueCapacity(), config.writer().maxBatchPoints(),
                config.writer().writersFor(config.influx().isEmpty()));
        closeables.add(writer);

        WorkerExecutor recordsWorkers = vertx.createSharedWorkerExecutor("m2mcare-records", config.sql().poolSize());
        WorkerExecutor queryWorkers = vertx.createSharedWorkerExecutor("m2mcare-queries", 4);
        DeviceSecretVerifier secrets = new DeviceSecretVerifier(new DeviceSecretHash(config.deviceSecrets().iterations()),
                config.deviceSecrets().cacheSize(), vertx.createSharedWorkerExecutor("m2mcare-device-secrets",
                        Math.max(1, Runtime.getRuntime().availableProcessors())), registry);
        DeviceDirectory directory = new DeviceDirectory(new DeviceRegistry(records), models, recordsWorkers, clock,
                secrets);
        DeviceEventLog events = new DeviceEventLog(records, recordsWorkers);
        MessageCodec codec = new MessageCodec();
        ingest = new IngestService(codec, models, writer, events, metrics);
        connected = new ConnectedDevices();
        metrics.connectedDevices(connected::count);
        coapDownlink = new CoapDownlink(codec);
        ServiceLadder.Stores ladderStores = new ServiceLadder.Stores(new DeviceRegistry(records),
                new FaultStore(records), new CommandStore(records), new RepairAttemptStore(records));
        Downlink downlink = new AnyDownlink(List.of(new MqttDownlink(connected, codec), coapDownlink));
        DeviceLocator locator = null;
        if (config.cluster().enabled()) {
            locator = new DeviceLocator(vertx, membership);
            ClusterDownlink clusterDownlink = new ClusterDownlink(vertx, downlink, locator, membership, codec);
            await(clusterDownlink.start());
            downlink = clusterDownlink;
        }
        RuleBook rules = RuleBook.load(models, config.modelsDir());
        ladder = new ServiceLadder(models, rules, ladderStores, downlink,
                CommandSettings.DEFAULTS, metrics, clock, vertx.createSharedWorkerExecutor("m2mcare-ladder-writer", 1));
        if (config.cluster().enabled()) {
            RemoteCommands remoteCommands = new RemoteCommands(vertx, membership, locator, ladder);
            await(remoteCommands.start());
            ladder.withCommandRouter(remoteCommands);
            if (!membership.alone()) {
                ladder.startHoldingNoDevice();
            }
        }
        if (config.anomaly().enabled()) {
            ladder.withAnomalyWatch(new AnomalyWatch(new DetectorFactory(DetectorConfig.defaults(),
                    ArtConfig.defaults(), config.anomaly().method()),
                    config.anomaly().threshold(), config.anomaly().quiet(), models, rules));
        }
        RepairAssignmentStore repairAssignments = new RepairAssignmentStore(records);
        ladder.withRepairHoldout(new RepairHoldout(config.repairEffect().holdoutShare()), repairAssignments);
        TipStore tipStore = new TipStore(records);
        TipEvents tipEvents = new TipEvents();
        CustomerStore customers = new CustomerStore(records);
        tips = new TipService(tipStore, customers, downlink, tipEvents,
                vertx.createSharedWorkerExecutor("m2mcare-tips", 1), clock)
                .withHoldout(new Holdout(config.advisor().holdoutShare()))
                .withMetrics(registry);
        ladder.addNextRung(new FaultTipRung(models, rules, directory, tips));
        if (config.tickets().webhook().isPresent()) {
            OutboxStore outbox = new OutboxStore(records);
            tips.withWebhook((tip, event) -> {
                try (Connection c = records.connection()) {
                    outbox.append(c, OutboxStore.newId(), tip.id(), event,
                            TipService.toJson(tip).put("customerRef", tip.customerRef()).encode(), clock.instant());
                } catch (SQLException e) {
                    throw new IllegalStateException("could not queue the webhook event of tip " + tip.id(), e);
                }
            });
        }
        AdviceJob advice = new AdviceJob(Generators.defaultAdvisor(), TimeOfUseTariff.dayNight(
                config.advisor().peakEurPerKwh(), config.advisor().offPeakEurPerKwh()), new DeviceRegistry(records), models,
                store, tips, config.advisor().window(), clock);
        if (!config.advisor().interval().isZero()) {
            long every = config.advisor().interval().toMillis();
            vertx.setPeriodic(every, every, id -> {
                if (membership.isLeader()) {
                    queryWorkers.executeBlocking(advice::run, false)
                            .onFailure(e -> LOG.warn("Usage advisor run failed: {}", e.getMessage()));
                }
            });
        }
        vertx.setPeriodic(TIP_SWEEP.toMillis(), id -> {
            if (membership.isLeader()) {
                tips.deliverDue().onFailure(e -> LOG.warn("Tip delivery sweep failed: {}", e.getMessage()));
            }
        });
        TicketFeature tickets = TicketFeature.create(vertx, config, records, store, registry, tips, queryWorkers,
                clock);
        tickets.attach(ladder, rules);
        await(vertx.deployVerticle(ladder));
        tickets.start(membership::isLeader);
        if (config.cluster().enabled()) {
            DeviceHandover handover = new DeviceHandover(vertx, membership, locator, ladder);
            await(handover.start());
            connected.onConnected(handover::connected);
            coapDownlink.onListening(MessageType.COMMANDS, handover::connected);
        }
        ingest.addListener(ladder);
        ingest.onTipFeedback(tips::fromDevice);
        ingest.onFirmwareChanged((device, firmware) -> directory.touch(device.id(), firmware)
                .onFailure(e -> LOG.debug("Could not record firmware {} of {}: {}", firmware, device.id(), e.toString())));
        connected.onListening(MessageType.COMMANDS, ladder::onListening);
        coapDownlink.onListening(MessageType.COMMANDS, ladder::onListening);
        connected.onListening(MessageType.TIP_STATES, tips::onDeviceListening);
        coapDownlink.onListening(MessageType.TIP_STATES, tips::onDeviceListening);
        adminToken = AdminToken.resolve(config.adminToken(), config.dataDir());
        throttle = AuthThrottle.defaults(clock);
        DevicePsks psks = DevicePsks.resolve(config.coap().pskMasterKey(), config.dataDir());

        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<MqttTransport> transports = Collections.synchronizedList(new ArrayList<>());
        await(vertx.deployVerticle(() -> {
            MqttTransport transport = new MqttTransport(config.mqtt(), directory, ingest, connected, metrics, clock,
                    throttle);
            transports.add(transport);
            return transport;
        }, new DeploymentOptions().setInstances(instances)));
        mqttPort = transports.get(0).actualPort();
        mqttsPort = transports.get(0).tlsActualPort();
        if (config.coap().enabled()) {
            CoapTransport coap = new CoapTransport(config.coap(), directory, psks, ingest, coapDownlink, metrics,
                    clock, throttle);
            await(vertx.deployVerticle(coap));
            coapPort = coap.port();
            coapsPort = coap.dtlsPort();
        }

        HttpApi http = new HttpApi(new HttpApi.Dependencies(config.http(), adminToken, directory, psks, models, store,
                writer, events, records, registry, queryWorkers, clock));
        http.withThrottle(throttle);
        http.withFieldServiceToken(AdminToken.resolve(config.tickets().fieldServiceToken(), config.dataDir(),
                TicketFeature.TOKEN_FILE));
        AuditLog audit = new AuditLog(records, vertx.createSharedWorkerExecutor("m2mcare-audit", 1));
        http.withAuditTrail(new AuditTrail(audit, clock));
        http.with(new AdminRoutes(adminToken, audit));
        UserStore users = new UserStore(records);
        WorkerExecutor passwordWorkers = vertx.createSharedWorkerExecutor("m2mcare-passwords", 2);
        http.with(new UserRoutes(users, passwordWorkers, clock));
        http.with(new AdviceRoutes(advice, new TipEffectiveness(tipStore, store), directory, queryWorkers));
        http.with(new CustomerRoutes(new CustomerRoutes.Dependencies(customers, tips, tipEvents,
                new DeviceRegistry(records), new DeviceTimeline(ladderStores.faults(), ladderStores.commands(), tipStore,
                events.reader(), store, clock), queryWorkers)));
        http.with(new LadderRoutes(new LadderRoutes.Dependencies(ladder, directory, models, ladderStores.faults(),
                ladderStores.commands(), ladderStores.attempts(), queryWorkers)));
        http.with(new RepairEffectRoutes(new RepairEffect(repairAssignments), config.repairEffect().horizon(),
                queryWorkers));
        tickets.routes(adminToken, throttle).forEach(http::with);
        http.with(new WebPages(new WebPages.Dependencies(vertx, adminToken, AdminToken.resolve(
                config.tickets().fieldServiceToken(), config.dataDir(), TicketFeature.TOKEN_FILE), customers, tips,
                tipEvents, new DeviceRegistry(records), new DeviceTimeline(ladderStores.faults(), ladderStores.commands(),
                tipStore, events.reader(), store, clock), store, records, registry, connected, throttle, queryWorkers,
                clock, users, passwordWorkers)));
        await(vertx.deployVerticle(http));
        httpPort = http.actualPort();
        LOG.info("M2M Care gateway started: MQTT port {}, CoAP ports {} and {} (DTLS), HTTP port {}, "
                + "telemetry store {}, data folder {}", mqttPort, coapPort, coapsPort, httpPort, store.kind(),
                config.dataDir().toAbsolutePath());
    }

    private TelemetryStore openStore(GatewayMetrics metrics) {
        JournalSettings journal = config.writer().journal();
        if (config.influx().isEmpty()) {
            if (journal.enabled()) {
                LOG.warn("M2MCARE_TELEMETRY_JOURNAL is ignored: the embedded telemetry store is already local");
            }
            return new EmbeddedTelemetryStore(config.dataDir());
        }
        TelemetryStore influx = InfluxTelemetryStore.open(config.influx().get());
        if (!journal.enabled()) {
            return influx;
        }
        JournaledTelemetryStore journaled;
        try {
            journaled = JournaledTelemetryStore.open(influx, journal.dir(), journal.maxBytes(),
                    JournaledTelemetryStore.DEFAULT_SEGMENT_BYTES, config.writer().maxBatchPoints());
        } catch (RuntimeException e) {
            influx.close();
            throw e;
        }
        metrics.journal(journaled::backlogBytes, journaled::rejectedPoints);
        return journaled;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    public int mqttPort() {
        return mqttPort;
    }

    /** The plain CoAP port, or -1 when CoAP is disabled. */
    public int coapPort() {
        return coapPort;
    }

    /** The CoAP-over-DTLS port, or -1 when CoAP is disabled. */
    public int coapsPort() {
        return coapsPort;
    }

    /** The way down to CoAP devices that observe their downlink resources. */
    public CoapDownlink coapDownlink() {
        return coapDownlink;
    }

    /** The MQTT-over-TLS port, or -1 when TLS is not configured. */
    public int mqttsPort() {
        return mqttsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    /** Failed-authentication throttling shared by MQTT, CoAP and the HTTP tokens. */
    public AuthThrottle throttle() {
        return throttle;
    }

    public ConnectedDevices connectedDevices() {
        return connected;
    }

    public IngestService ingest() {
        return ingest;
    }

    public TipService tips() {
        return tips;
    }

    public ServiceLadder ladder() {
        return ladder;
    }

    /** This instance in its cluster (single-node mode: alone and the leader). */
    public Membership membership() {
        return membership;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /**
     * Stops listening first (devices see their connection close and will retry elsewhere or later), then
     * flushes queued telemetry, then closes the stores.
     */
    @Override
    public void close() {
        if (vertx != null) {
            try {
                await(vertx.close());
            } catch (Exception e) {
                LOG.warn("Vert.x did not close cleanly: {}", e.toString());
            }
        }
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", closeables.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        closeables.clear();
    }
}
