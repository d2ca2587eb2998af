package care.m2m.gateway.ingest;

import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.contracts.validation.TelemetryValidator;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.events.DeviceEventLog;
import care.m2m.gateway.metrics.GatewayMetrics;
import care.m2m.gateway.store.BatchingTelemetryWriter;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.WriterOverloadedException;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest path every transport calls: check the device may send there, decode and validate against
 * the contract and the device's model, store durably, count, then tell the listeners. The returned future
 * succeeds only once the message is durable; a failure is always an {@link IngestException}.
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    /** Device clocks may run ahead a little; further ahead is a broken clock, not a measurement. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(10);

    private final MessageCodec codec;
    private final ModelCatalog models;
    private final BatchingTelemetryWriter writer;
    private final DeviceEventLog eventLog;
    private final GatewayMetrics metrics;
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<Device, String> firmwareChanged = (device, firmware) -> { };
    private volatile TipFeedbackSink tipFeedback = (deviceId, feedback) -> Future.failedFuture(
            IngestException.refused("unknown_tip", "this gateway keeps no tips"));

    public IngestService(MessageCodec codec, ModelCatalog models, BatchingTelemetryWriter writer,
            DeviceEventLog eventLog, GatewayMetrics metrics) {
        this.codec = codec;
        this.models = models;
        this.writer = writer;
        this.eventLog = eventLog;
        this.metrics = metrics;
    }

    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    /** Told when a device reports a firmware version other than the registry's (to keep the registry current). */
    public void onFirmwareChanged(BiConsumer<Device, String> handler) {
        this.firmwareChanged = handler;
    }

    /** Where a customer's read/done/dismissed/snoozed on the device's display goes (the tip service). */
    public void onTipFeedback(TipFeedbackSink sink) {
        this.tipFeedback = sink;
    }

    public Future<Void> ingest(Uplink uplink) {
        MessageType type = uplink.topic().type();
        Future<Void> stored;
        try {
            authorize(uplink.device(), uplink.topic());
            stored = switch (type) {
                case TELEMETRY -> telemetry(uplink);
                case EVENTS -> event(uplink);
                case COMMAND_RESULTS -> commandResult(uplink);
                case TIP_FEEDBACK -> tipFeedback.accept(uplink.device().id(),
                        codec.decodeTipFeedback(uplink.payload(), uplink.encoding()));
                default -> throw new IllegalStateException("authorize() lets only uplink types through");
            };
        } catch (ContractViolation e) {
            stored = Future.failedFuture(IngestException.invalid(e));
        } catch (IngestException e) {
            stored = Future.failedFuture(e);
        }
        return stored.recover(e -> Future.failedFuture(classify(e)))
                .onSuccess(v -> metrics.accepted(type.segment(), uplink.transport()))
                .onFailure(e -> {
                    IngestException failure = (IngestException) e;
                    metrics.rejected(type.segment(), uplink.transport(), failure.reason());
                    LOG.debug("Refused {} from {} over {}: {}", type.segment(), uplink.device().id(),
                            uplink.transport(), failure.getMessage());
                });
    }

    private static void authorize(Device device, DeviceTopic topic) {
        if (!topic.deviceId().equals(device.id())) {
            throw IngestException.notAuthorized("foreign_topic",
                    "device " + device.id() + " may not publish for device " + topic.deviceId());
        }
        if (!topic.type().isUplink()) {
            throw IngestException.notAuthorized("downlink_topic",
                    "devices may not publish to the downlink topic " + topic.type().segment());
        }
    }

    private Future<Void> telemetry(Uplink uplink) {
        Telemetry telemetry = codec.decodeTelemetry(uplink.payload(), uplink.encoding());
        DeviceModel model = model(uplink.device());
        TelemetryValidator.check(model, telemetry);
        Instant timestamp = timestamp(telemetry.timestamp(), uplink.receivedAt());
        TelemetryPoint point = new TelemetryPoint(uplink.device().id(), model.id(), timestamp, telemetry.metrics());
        return writer.write(point).onSuccess(v -> {
            if (telemetry.firmware() != null && !telemetry.firmware().equals(uplink.device().firmware())) {
                firmwareChanged.accept(uplink.device(), telemetry.firmware());
            }
            notify(l -> l.onTelemetry(uplink.device(), point));
        });
    }

    private Future<Void> event(Uplink uplink) {
        DeviceEvent event = codec.decodeEvent(uplink.payload(), uplink.encoding());
        TelemetryValidator.check(model(uplink.device()), event);
        Instant occurredAt = timestamp(event.timestamp(), uplink.receivedAt());
        DeviceEventLog.Entry entry = new DeviceEventLog.Entry(uplink.device().id(), occurredAt, uplink.receivedAt(),
                event.kind().name().toLowerCase(), event.code(), event.text(), event.data());
        return eventLog.append(entry).onSuccess(v -> notify(l -> l.onEvent(uplink.device(), event)));
    }

    private Future<Void> commandResult(Uplink uplink) {
        CommandResult result = codec.decodeCommandResult(uplink.payload(), uplink.encoding());
        Instant occurredAt = timestamp(result.timestamp(), uplink.receivedAt());
        DeviceEventLog.Entry entry = new DeviceEventLog.Entry(uplink.device().id(), occurredAt, uplink.receivedAt(),
                "command_result", result.status().name().toLowerCase(), result.text(),
                result.code() == null ? Map.of("commandId", result.id())
                        : Map.of("commandId", result.id(), "resultCode", result.code()));
        return eventLog.append(entry).onSuccess(v -> notify(l -> l.onCommandResult(uplink.device(), result)));
    }

    private DeviceModel model(Device device) {
        return models.find(device.model()).orElseThrow(() -> ContractViolation.of(Reason.SCHEMA_VIOLATION,
                "device.model", "a model known to this gateway", device.model()));
    }

    private static Instant timestamp(Instant reported, Instant receivedAt) {
        if (reported == null) {
            return receivedAt;
        }
        if (reported.isAfter(receivedAt.plus(MAX_CLOCK_AHEAD))) {
            throw ContractViolation.of(Reason.OUT_OF_RANGE, "$.ts",
                    "a time no later than " + MAX_CLOCK_AHEAD.toMinutes() + " minutes after the gateway's clock ("
                            + receivedAt + ")", reported.toString());
        }
        return reported;
    }

    private void notify(Consumer<IngestListener> call) {
        for (IngestListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("Ingest listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }

    private static IngestException classify(Throwable e) {
        if (e instanceof IngestException ie) {
            return ie;
        }
        if (e instanceof ContractViolation cv) {
            return IngestException.invalid(cv);
        }
        if (e instanceof WriterOverloadedException) {
            return IngestException.overloaded(e);
        }
        return IngestException.unavailable(e);
    }
}
