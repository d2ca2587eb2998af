package care.m2m.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Micrometer meters with the names operators see in Prometheus: {@code m2mcare_telemetry_accepted_total},
 * {@code m2mcare_telemetry_rejected_total{reason}}, {@code m2mcare_devices_connected},
 * {@code m2mcare_store_write_seconds}, and friends for the other message types.
 */
public final class MicrometerGatewayMetrics implements GatewayMetrics {

    private final MeterRegistry registry;
    private final Timer storeWriteOk;
    private final Timer storeWriteFailed;
    private final DistributionSummary batchSize;
    private final Map<String, Timer> acknowledged = new ConcurrentHashMap<>();

    public MicrometerGatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.storeWriteOk = storeTimer("success");
        this.storeWriteFailed = storeTimer("failure");
        this.batchSize = DistributionSummary.builder("m2mcare.store.write.batch.points")
                .description("Telemetry points per store write")
                .register(registry);
    }

    private Timer storeTimer(String outcome) {
        return Timer.builder("m2mcare.store.write")
                .description("Time to durably write one batch of telemetry to the store")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Called for every acknowledged message: a plain lookup, the timer is built once per transport. */
    @Override
    public void acknowledged(String transport, long nanos) {
        Timer timer = acknowledged.get(transport);
        if (timer == null) {
            timer = acknowledged.computeIfAbsent(transport, this::ackTimer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer ackTimer(String transport) {
        return Timer.builder("m2mcare.ack.latency")
                .description("From a message's arrival to its acknowledgement (PUBACK, CoAP response) after the durable store")
                .tag("transport", transport)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void accepted(String messageType, String transport) {
        counter(messageType, "accepted", transport).increment();
    }

    @Override
    public void rejected(String messageType, String transport, String reason) {
        Counter.builder(meterPrefix(messageType) + ".rejected")
                .description("Messages refused, by reason")
                .tag("transport", transport)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void connectionRefused(String transport, String reason) {
        Counter.builder("m2mcare.connections.refused")
                .description("Connection attempts refused, by reason")
                .tag("transport", transport)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void faultRaised(String code, boolean reopened) {
        Counter.builder("m2mcare.faults.raised").description("Faults raised, by fault code")
                .tag("code", code).tag("reopened", Boolean.toString(reopened)).register(registry).increment();
    }

    @Override
    public void commandFinished(String action, String status) {
        Counter.builder("m2mcare.commands.finished").description("Commands that reached a final state")
                .tag("action", action).tag("status", status).register(registry).increment();
    }

    @Override
    public void repairOutcome(String faultCode, String action, String outcome) {
        Counter.builder("m2mcare.repairs").description("Self-repair attempts by fault code, action and outcome")
                .tag("code", faultCode).tag("action", action).tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void storeWrite(long nanos, int points, boolean success) {
        (success ? storeWriteOk : storeWriteFailed).record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(points);
    }

    @Override
    public void connectedDevices(IntSupplier count) {
        Gauge.builder("m2mcare.devices.connected", count::getAsInt)
                .description("Devices connected right now")
                .register(registry);
    }

    @Override
    public void writerQueue(IntSupplier depth) {
        Gauge.builder("m2mcare.store.queue.points", depth::getAsInt)
                .description("Telemetry points accepted for writing but not yet durable")
                .register(registry);
    }

    @Override
    public void journal(LongSupplier backlogBytes, LongSupplier rejectedPoints) {
        Gauge.builder("m2mcare.journal.backlog", backlogBytes::getAsLong)
                .description("Bytes of acknowledged telemetry in the local journal not yet written to the store")
                .baseUnit("bytes")
                .register(registry);
        FunctionCounter.builder("m2mcare.journal.rejected.points", rejectedPoints, LongSupplier::getAsLong)
                .description("Journalled points the store refused as such, set aside in rejected.jsonl")
                .register(registry);
    }

    private Counter counter(String messageType, String outcome, String transport) {
        return Counter.builder(meterPrefix(messageType) + "." + outcome)
                .description("Messages stored and acknowledged")
                .tag("transport", transport)
                .register(registry);
    }

    private static String meterPrefix(String messageType) {
        return "m2mcare." + messageType.replace('-', '_');
    }
}
