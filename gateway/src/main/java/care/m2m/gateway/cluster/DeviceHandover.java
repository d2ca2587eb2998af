package care.m2m.gateway.cluster;

import care.m2m.gateway.ladder.ServiceLadder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's diagnosis state and pending commands follow the device. When it connects to this instance,
 * the instance that held it before (or the leader, which holds every device no live instance holds) is asked
 * to release it: that instance forgets the device and answers once its writes are in the database; then this
 * instance reads the device's active faults and open commands from the database and carries on with them.
 * Meanwhile the device's inputs (telemetry, events, results) wait, so nothing is diagnosed without its faults.
 * When a member dies, the leader adopts every device that no live instance holds, so silence checks and
 * command expiry go on for devices that never come back.
 */
public final class DeviceHandover {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHandover.class);
    static final String ADDRESS = "m2mcare.handover.";
    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(3);
    /** The longest a device's inputs are held back while it is taken over. */
    static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final Membership membership;
    private final DeviceLocator locator;
    private final ServiceLadder ladder;

    public DeviceHandover(Vertx vertx, Membership membership, DeviceLocator locator, ServiceLadder ladder) {
        this.vertx = vertx;
        this.membership = membership;
        this.locator = locator;
        this.ladder = ladder;
    }

    /** Answers other instances' release requests and adopts the devices of members that die. */
    public Future<Void> start() {
        membership.onMemberLeft(node -> adoptOrphans());
        return vertx.eventBus().<String>consumer(ADDRESS + membership.nodeId(), message -> {
            String deviceId = message.body();
            ladder.release(deviceId).onComplete(done -> message.reply(done.succeeded() ? "released" : "failed"));
        }).completion();
    }

    /** A device connected to this instance: take it over. Answers how many faults and commands came with it. */
    public Future<Integer> connected(String deviceId) {
        ladder.holdInputs(deviceId);
        return locator.hold(deviceId).compose(previous -> {
            String from = previous.orElse(membership.leaderId());
            if (previous.isPresent() && from.equals(membership.nodeId())) {
                return Future.succeededFuture(0);
            }
            Future<Void> released = from.equals(membership.nodeId()) ? Future.succeededFuture()
                    : vertx.eventBus().request(ADDRESS + from, deviceId,
                            new DeliveryOptions().setSendTimeout(RELEASE_TIMEOUT.toMillis())).<Void>mapEmpty()
                            .recover(e -> {
                                LOG.debug("Instance {} did not release {}: {}", from, deviceId, e.getMessage());
                                return Future.succeededFuture();
                            });
            return released.compose(v -> ladder.adopt(List.of(deviceId)));
        }).timeout(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .onComplete(done -> ladder.resumeInputs(deviceId))
                .onSuccess(n -> {
            if (n > 0) {
                LOG.info("Device {} moved here with {} active faults and open commands", deviceId, n);
            }
        }).onFailure(e -> LOG.warn("Could not take device {} over: {}", deviceId, e.getMessage()));
    }

    private void adoptOrphans() {
        if (!membership.isLeader()) {
            return;
        }
        locator.heldElsewhere()
                .compose(elsewhere -> ladder.adoptAllExcept(elsewhere))
                .compose(adopted -> locator.heldElsewhere().compose(claimed -> Future.join(claimed.stream()
                        .map(ladder::release).toList())).map(adopted))
                .onSuccess(n -> LOG.info("Leader adopted {} active faults and open commands of devices no live"
                        + " instance holds", n))
                .onFailure(e -> LOG.warn("Could not adopt the devices of a member that left: {}", e.getMessage()));
    }
}
