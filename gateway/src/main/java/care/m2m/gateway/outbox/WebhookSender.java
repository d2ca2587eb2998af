package care.m2m.gateway.outbox;

import care.m2m.gateway.config.GatewayConfig.WebhookSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender of the outbox: a periodic loop whose work (JDBC and the blocking JDK HTTP client) runs on
 * its own worker, never on an event loop. Events of a ticket leave in order: while the oldest undelivered
 * one waits for its retry, the later ones wait behind it. Back-off doubles from the base up to the cap.
 * Delivery is at least once; the {@code Idempotency-Key} (the event id) makes it exactly once for a receiver
 * that remembers keys.
 */
public final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long a claimed event is left to its sender before another may try it: longer than one POST can take
     * (connect 5 s + request 10 s), so two senders never post it at once; a sender that died after claiming
     * delays the event by at most this.
     */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final OutboxStore outbox;
    private final WebhookSettings settings;
    private final WebhookSigner signer;
    private final WorkerExecutor worker;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter delivered;
    private final Counter failed;
    private long timer = -1;

    public WebhookSender(Vertx vertx, OutboxStore outbox, WebhookSettings settings, WorkerExecutor worker,
            MeterRegistry registry, Clock clock) {
        this.vertx = vertx;
        this.outbox = outbox;
        this.settings = settings;
        this.signer = new WebhookSigner(settings.secret());
        this.worker = worker;
        this.clock = clock;
        this.delivered = Counter.builder("m2mcare.webhook.deliveries").tag("result", "delivered")
                .description("Webhook events by delivery result").register(registry);
        this.failed = Counter.builder("m2mcare.webhook.deliveries").tag("result", "failed")
                .description("Webhook events by delivery result").register(registry);
    }

    public void start() {
        start(() -> true);
    }

    /** Starts the loop; a round runs only while {@code leader} says so (clustered mode: once per cluster). */
    public void start(java.util.function.BooleanSupplier leader) {
        long period = Math.max(10, settings.interval().toMillis());
        timer = vertx.setPeriodic(period, period, id -> {
            if (leader.getAsBoolean() && running.compareAndSet(false, true)) {
                worker.executeBlocking(() -> {
                    sendDue();
                    return null;
                }, false).onComplete(done -> {
                    running.set(false);
                    if (done.failed()) {
                        LOG.warn("Webhook round failed: {}", done.cause().getMessage());
                    }
                });
            }
        });
        LOG.info("Webhook sender started towards {}", settings.url());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round: every due event, in order per ticket. Blocking. */
    void sendDue() {
        List<OutboxEvent> pending = outbox.pending(BATCH);
        Set<String> blocked = new HashSet<>();
        for (OutboxEvent event : pending) {
            if (blocked.contains(event.ticketId())) {
                continue;
            }
            Instant now = clock.instant();
            if (event.nextAttemptAt().isAfter(now)) {
                blocked.add(event.ticketId());
                continue;
            }
            if (!outbox.claim(event.id(), event.nextAttemptAt(), now.plus(CLAIM_LEASE))) {
                blocked.add(event.ticketId());
                continue;
            }
            String error = post(event);
            if (error == null) {
                outbox.delivered(event.id(), clock.instant());
                delivered.increment();
            } else {
                Instant next = clock.instant().plus(backOff(event.attempts() + 1));
                outbox.failed(event.id(), next, error);
                failed.increment();
                blocked.add(event.ticketId());
                LOG.info("Webhook event {} ({} of ticket {}) not delivered, attempt {}: {}; next try at {}",
                        event.id(), event.type(), event.ticketId(), event.attempts() + 1, error, next);
            }
        }
    }

    /** Null when the receiver took it (2xx), else what went wrong. */
    private String post(OutboxEvent event) {
        byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signer.sign(body))
                .header("Idempotency-Key", event.id())
                .header("X-M2MCare-Event", event.type())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    Duration backOff(int attempt) {
        long base = Math.max(1, settings.retryBase().toMillis());
        long cap = Math.max(base, settings.retryCap().toMillis());
        long delay = attempt >= 31 ? cap : Math.min(cap, base << Math.max(0, attempt - 1));
        return Duration.ofMillis(delay);
    }
}
