package care.m2m.gateway.tickets;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.api.RouteGroup;
import care.m2m.gateway.config.GatewayConfig;
import care.m2m.gateway.customers.CustomerProfileRoutes;
import care.m2m.gateway.customers.CustomerProfileStore;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.diagnosis.FaultStore;
import care.m2m.gateway.ladder.ServiceLadder;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import care.m2m.gateway.outbox.OutboxStore;
import care.m2m.gateway.outbox.WebhookSender;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.repair.RepairAttemptStore;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.tips.TipService;
import care.m2m.gateway.tips.TipStore;
import care.m2m.gateway.value.ValueMatrix;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the ticket feature (value matrix, customer profiles, tickets, outbox and webhook) so that the
 * gateway's app class needs three calls: {@link #create}, {@link #attach} before the ladder deploys, and
 * {@link #routes} for the HTTP API.
 */
public final class TicketFeature {

    private static final Logger LOG = LoggerFactory.getLogger(TicketFeature.class);
    public static final String TOKEN_FILE = "field-service-token";

    private final Vertx vertx;
    private final GatewayConfig config;
    private final RecordsDatabase records;
    private final TicketService service;
    private final TicketDesk desk;
    private final TicketQueries queries;
    private final CustomerProfileStore customers;
    private final WorkerExecutor readers;
    private final WebhookSender sender;

    private TicketFeature(Vertx vertx, GatewayConfig config, RecordsDatabase records, TicketService service,
            TicketDesk desk, TicketQueries queries, CustomerProfileStore customers, WorkerExecutor readers,
            WebhookSender sender) {
        this.vertx = vertx;
        this.config = config;
        this.records = records;
        this.service = service;
        this.desk = desk;
        this.queries = queries;
        this.customers = customers;
        this.readers = readers;
        this.sender = sender;
    }

    public static TicketFeature create(Vertx vertx, GatewayConfig config, RecordsDatabase records,
            TelemetryStore telemetry, MeterRegistry registry, TipService tips, WorkerExecutor readers, Clock clock) {
        OutboxStore outbox = new OutboxStore(records);
        CustomerProfileStore customers = new CustomerProfileStore(records);
        ValueMatrix matrix = ValueMatrix.load(config.modelsDir());
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("m2mcare-tickets", 1);
        TicketRecords writes = new TicketRecords(records, outbox);
        FaultContext context = new FaultContext(records, new DeviceRegistry(records), customers, telemetry, matrix);
        TicketService service = new TicketService(writes, context, new TicketReports(records), config.tickets(),
                new TicketMetrics(registry), new TechnicianNotice(tips), worker, clock);
        TicketQueries queries = new TicketQueries(records, new FaultStore(records), new RepairAttemptStore(records), outbox,
                new TipStore(records));
        WebhookSender sender = config.tickets().webhook().map(w -> new WebhookSender(vertx, outbox, w,
                vertx.createSharedWorkerExecutor("m2mcare-webhook", 1), registry, clock)).orElse(null);
        return new TicketFeature(vertx, config, records, service, new TicketDesk(writes, worker, clock), queries,
                customers, readers, sender);
    }

    /**
     * Puts tickets on the ladder: every fault and every escalation reaches the ticket rung, unless the fault
     * code's ladder in its model's rule file leaves the ticket rung out.
     */
    public void attach(ServiceLadder ladder, RuleBook rules) {
        service.useLadder(rules);
        ladder.addFaultListener(service);
        ladder.addNextRung(service);
    }

    /** Starts the sweep (auto-resolve, auto-close) and, when a webhook is configured, its sender. */
    public void start() {
        start(() -> true);
    }

    /**
     * Starts the sweep and the webhook sender, which do their rounds only while {@code leader} says so:
     * in clustered mode they run once per cluster, on the leader, and move to a survivor when it dies.
     */
    public void start(java.util.function.BooleanSupplier leader) {
        long sweep = Math.max(10, config.tickets().sweepInterval().toMillis());
        vertx.setPeriodic(sweep, sweep, id -> {
            if (leader.getAsBoolean()) {
                service.sweep().onFailure(e -> LOG.warn("Ticket sweep failed: {}", e.getMessage()));
            }
        });
        if (sender != null) {
            sender.start(leader);
        } else {
            LOG.info("No M2MCARE_WEBHOOK_URL: ticket events wait in the outbox");
        }
    }

    /** The field-service API and the admin API for customer profiles. */
    public List<RouteGroup> routes(AdminToken adminToken, AuthThrottle throttle) {
        AdminToken fieldService = AdminToken.resolve(config.tickets().fieldServiceToken(), config.dataDir(), TOKEN_FILE);
        return List.of(new TicketRoutes(new TicketRoutes.Dependencies(desk, queries, new TicketReports(records),
                fieldService, adminToken, throttle, readers)), new CustomerProfileRoutes(customers, readers));
    }
}
