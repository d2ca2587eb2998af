package care.m2m.sim.run;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.messages.DeviceConfig;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.sim.firmware.Firmware;
import care.m2m.sim.firmware.Uplink;
import care.m2m.sim.transport.ConnectionEvents;
import care.m2m.sim.transport.DeviceConnection;
import care.m2m.sim.transport.NotSentException;
import care.m2m.sim.transport.ReasonCodes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds one device's firmware to its MQTT connection: connects with back-off, ticks the firmware on the shared
 * scheduler, publishes telemetry while the in-flight window has room (deferring the sample otherwise, never
 * blocking the scheduler thread) and hands downlink messages from Paho's thread over to the scheduler. The
 * window counts telemetry only: events and command results are rare and must not wait behind samples. With
 * {@code --offline-rate} it also takes the device offline now and then ({@link Absence}); events and command
 * results made meanwhile wait in the firmware's memory and go out on return, as real firmware does.
 */
final class DeviceRunner implements ConnectionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);
    private static final Duration MAX_CONNECT_BACKOFF = Duration.ofSeconds(30);

    private final Firmware firmware;
    private final FleetContext fleet;
    private final AtomicInteger inflight = new AtomicInteger();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean everConnected = new AtomicBoolean();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Absence absence;
    private volatile DeviceConnection connection;
    private volatile boolean stopping;
    private ScheduledFuture<?> ticking;
    private volatile Duration interval;
    private int connectAttempts;

    /** @param firmware builds the device's firmware around the uplink this runner provides */
    DeviceRunner(Function<Uplink, Firmware> firmware, FleetContext fleet) {
        this(firmware, fleet, new OfflineSchedule(OfflineSettings.NONE, fleet.clock(), 0));
    }

    /** @param offline when this device goes offline on its own */
    DeviceRunner(Function<Uplink, Firmware> firmware, FleetContext fleet, OfflineSchedule offline) {
        this.fleet = fleet;
        this.firmware = firmware.apply(this::publish);
        this.interval = fleet.settings().interval();
        this.absence = new Absence(this, offline);
    }

    String deviceId() {
        return firmware.deviceId();
    }

    /** Sets the connection; separate from the constructor because the firmware's uplink needs this runner. */
    void attach(DeviceConnection deviceConnection) {
        this.connection = deviceConnection;
    }

    void connect() {
        if (stopping) {
            return;
        }
        connection.connect().whenComplete((ok, failure) -> {
            if (failure == null) {
                return;
            }
            fleet.stats().connectFailed();
            connectAttempts++;
            if (connectAttempts == 1) {
                LOG.warn("{}", failure.getMessage());
            } else {
                LOG.debug("{} (attempt {})", failure.getMessage(), connectAttempts);
            }
            long backoff = Math.min(MAX_CONNECT_BACKOFF.toMillis(), 1000L << Math.min(connectAttempts - 1, 10));
            long jittered = (long) (backoff * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
            if (!stopping) {
                fleet.scheduler().schedule(this::connect, jittered, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public void connected(boolean reconnect) {
        if (!connected.compareAndSet(false, true)) {
            return;
        }
        boolean first = everConnected.compareAndSet(false, true);
        fleet.stats().connected(first);
        LOG.debug("device {}: connected{}", deviceId(), reconnect ? " again" : "");
        absence.returned();
        if (first) {
            fleet.scheduler().execute(() -> {
                firmware.boot();
                schedule(interval, true);
            });
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (connected.compareAndSet(true, false)) {
            fleet.stats().disconnected();
            LOG.info("device {}: connection lost ({}), reconnecting", deviceId(), cause.getMessage());
        }
    }

    @Override
    public void retryLater(String topic, long delaySeconds) {
        fleet.stats().retried();
    }

    @Override
    public void downlink(String topic, byte[] payload, String contentType) {
        try {
            DeviceTopic parsed = Topics.parseMqtt(topic);
            Encoding encoding = Encoding.fromContentType(contentType).orElseGet(() -> Encoding.sniff(payload));
            MessageCodec codec = MessageCodec.shared();
            switch (parsed.type()) {
                case COMMANDS -> {
                    var command = codec.decodeCommand(payload, encoding);
                    fleet.scheduler().execute(() -> {
                        if (firmware.onCommand(command)) {
                            fleet.stats().commandReceived();
                        } else {
                            fleet.stats().commandRedelivered();
                        }
                    });
                }
                case TIPS -> {
                    fleet.stats().tipReceived();
                    firmware.onTip(codec.decodeTip(payload, encoding));
                }
                case CONFIG -> applyConfig(codec.decodeConfig(payload, encoding));
                case TIP_STATES -> firmware.onTipState(codec.decodeTipState(payload, encoding));
                default -> LOG.debug("device {}: ignoring {} on {}", deviceId(), parsed.type(), topic);
            }
        } catch (RuntimeException e) {
            fleet.stats().downlinkInvalid();
            LOG.warn("device {}: cannot handle downlink message on {}: {}", deviceId(), topic, e.getMessage());
        }
    }

    private void applyConfig(DeviceConfig config) {
        fleet.stats().configReceived();
        if (config.samplingSeconds() != null && config.samplingSeconds() > 0) {
            Duration next = fleet.clock().realDuration(config.samplingSeconds());
            LOG.info("device {}: sampling every {} s (simulated) from now on", deviceId(), config.samplingSeconds());
            fleet.scheduler().execute(() -> schedule(next, false));
        }
    }

    private synchronized void schedule(Duration every, boolean spread) {
        if (stopping) {
            return;
        }
        if (ticking != null) {
            ticking.cancel(false);
        }
        interval = every.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : every;
        long period = interval.toNanos();
        long initial = spread ? ThreadLocalRandom.current().nextLong(period) : period;
        ticking = fleet.scheduler().scheduleAtFixedRate(this::tick, initial, period, TimeUnit.NANOSECONDS);
    }

    void tick() {
        try {
            firmware.tick();
            absence.tick(connected.get());
            if (!connected.get() || !connection.isConnected() || inflight.get() >= fleet.settings().maxInflight()) {
                fleet.stats().deferred();
                return;
            }
            publish(MessageType.TELEMETRY, firmware.telemetry());
        } catch (RuntimeException e) {
            LOG.warn("device {}: telemetry tick failed: {}", deviceId(), e.toString());
        }
    }

    /** The firmware's uplink: encodes, publishes at QoS 1 and tracks the message until its outcome. */
    void publish(MessageType type, Object message) {
        if (message instanceof CommandResult result) {
            countResult(result.status());
        }
        if (type == MessageType.TELEMETRY || !absence.hold(type, message)) {
            send(type, message);
        }
    }

    /** Publishes now, without asking whether the device is away. */
    void send(MessageType type, Object message) {
        byte[] payload = MessageCodec.shared().encode(message, fleet.settings().encoding());
        CompletableFuture<Integer> outcome;
        try {
            outcome = connection.publish(Topics.mqtt(deviceId(), type), payload,
                    fleet.settings().encoding().contentType());
        } catch (NotSentException e) {
            fleet.stats().deferred();
            LOG.debug("{}", e.getMessage());
            return;
        }
        fleet.stats().sent();
        if (type == MessageType.EVENTS) {
            fleet.stats().eventSent();
        }
        boolean windowed = type == MessageType.TELEMETRY;
        if (windowed) {
            inflight.incrementAndGet();
        }
        outstanding.incrementAndGet();
        long id = fleet.tracker().add(this, System.nanoTime(), windowed);
        outcome.whenComplete((code, failure) -> settle(id, code, failure));
    }

    private void settle(long id, Integer code, Throwable failure) {
        InflightTracker.Pending pending = fleet.tracker().complete(id);
        if (pending == null) {
            fleet.stats().lateAck();
            return;
        }
        release(pending);
        long latency = System.nanoTime() - pending.sentNanos();
        if (failure != null) {
            fleet.stats().lostWithConnection();
            LOG.debug("device {}: message lost: {}", deviceId(), failure.toString());
        } else if (ReasonCodes.isFailure(code)) {
            fleet.stats().rejected(code, latency);
            LOG.debug("device {}: message rejected: {}", deviceId(), ReasonCodes.describe(code));
        } else {
            fleet.stats().acknowledged(latency);
        }
    }

    /** Called by the sweeper for a message it declared timed out. */
    void expired(InflightTracker.Pending pending) {
        release(pending);
    }

    private void release(InflightTracker.Pending pending) {
        outstanding.decrementAndGet();
        if (pending.windowed()) {
            inflight.decrementAndGet();
        }
    }

    private void countResult(CommandResult.Status status) {
        switch (status) {
            case ACCEPTED -> fleet.stats().commandAccepted();
            case EXECUTED -> fleet.stats().commandExecuted();
            case FAILED -> fleet.stats().commandFailed();
            case REJECTED -> fleet.stats().commandRejected();
        }
    }

    synchronized void stopTicking() {
        stopping = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** Marks the device offline on purpose; false if it was not connected. */
    boolean leave() {
        if (!connected.compareAndSet(true, false)) {
            return false;
        }
        fleet.stats().wentOffline();
        return true;
    }

    /** Messages sent and not yet settled (acknowledged, rejected, lost or timed out). */
    int outstanding() {
        return outstanding.get();
    }

    boolean stopping() {
        return stopping;
    }

    FleetContext fleet() {
        return fleet;
    }

    DeviceConnection connection() {
        return connection;
    }

    Firmware firmware() {
        return firmware;
    }
}
