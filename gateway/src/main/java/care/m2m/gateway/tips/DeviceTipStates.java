package care.m2m.gateway.tips;

import care.m2m.contracts.messages.TipState;
import care.m2m.contracts.messages.TipStatus;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.Downlink;
import care.m2m.gateway.tips.TipRecord.State;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's display follows what the customer did on another channel: a tip-state message (contract v1.1)
 * through the same {@link Downlink} as the tip itself, MQTT or CoAP. Only firmware that asked for tip states
 * (subscribed to {@code tip-states} by name, or observes it) gets one; older firmware is left alone. A device
 * that is offline at that moment gets the state when it listens again ({@link TipService#onDeviceListening}).
 */
final class DeviceTipStates {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceTipStates.class);

    private final Downlink downlink;
    private final Clock clock;

    DeviceTipStates(Downlink downlink, Clock clock) {
        this.downlink = downlink;
        this.clock = clock;
    }

    /**
     * Sends the tip's new state to its device, if the device listens for tip states; succeeds when the device
     * acknowledged it, fails when it does not listen or the delivery failed.
     */
    Future<Void> send(TipRecord tip) {
        if (!downlink.isListening(tip.deviceId(), MessageType.TIP_STATES)) {
            LOG.debug("Tip {} is now {}; {} does not listen for tip states", tip.id(), tip.state(), tip.deviceId());
            return Future.failedFuture(tip.deviceId() + " does not listen for tip states");
        }
        return downlink.deliver(tip.deviceId(), MessageType.TIP_STATES,
                        new TipState(tip.id(), clock.instant(), status(tip.state())))
                .onFailure(e -> LOG.debug("State {} of tip {} not sent to {}: {}", tip.state(), tip.id(), tip.deviceId(),
                        e.getMessage()));
    }

    static TipStatus status(State state) {
        return switch (state) {
            case READ -> TipStatus.READ;
            case DONE -> TipStatus.DONE;
            case DISMISSED -> TipStatus.DISMISSED;
            case SNOOZED -> TipStatus.SNOOZED;
            default -> throw new IllegalArgumentException("a device shows only states a customer sets, got " + state);
        };
    }

    static State state(TipStatus status) {
        return switch (status) {
            case READ -> State.READ;
            case DONE -> State.DONE;
            case DISMISSED -> State.DISMISSED;
            case SNOOZED -> State.SNOOZED;
        };
    }
}
