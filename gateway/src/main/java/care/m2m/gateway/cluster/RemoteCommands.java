package care.m2m.gateway.cluster;

import care.m2m.gateway.commands.CommandRecord;
import care.m2m.gateway.ladder.CommandRouter;
import care.m2m.gateway.ladder.ServiceLadder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's command sent through any instance's API is queued on the instance that holds the device, so
 * that the device's acknowledgement and result (which arrive where the device is connected) meet the command
 * there and its record ends right (DELIVERED, EXECUTED). A device no live instance holds is the leader's, so
 * its command is queued there, and goes with the device (through the database) to whichever instance it
 * connects to; exactly one instance ever carries a command on.
 */
public final class RemoteCommands implements CommandRouter {

    static final String ADDRESS = "m2mcare.commands.";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Vertx vertx;
    private final Membership membership;
    private final DeviceLocator locator;
    private final ServiceLadder ladder;

    public RemoteCommands(Vertx vertx, Membership membership, DeviceLocator locator, ServiceLadder ladder) {
        this.vertx = vertx;
        this.membership = membership;
        this.locator = locator;
        this.ladder = ladder;
    }

    /** Queues here the commands other instances route to this one. */
    public Future<Void> start() {
        return vertx.eventBus().<JsonObject>consumer(ADDRESS + membership.nodeId(), request -> {
            JsonObject body = request.body();
            ladder.submitHere(body.getString("deviceId"), body.getString("action"),
                            body.getJsonObject("params", new JsonObject()).getMap(),
                            Duration.ofMillis(body.getLong("ttlMs")))
                    .onSuccess(command -> request.reply(CommandJson.toJson(command)))
                    .onFailure(e -> request.fail(500, e.getMessage()));
        }).completion();
    }

    @Override
    public Future<Optional<CommandRecord>> submitElsewhere(String deviceId, String action, Map<String, Object> params,
            Duration ttl) {
        return locator.holder(deviceId).compose(holder -> {
            String target = holder.orElse(membership.leaderId());
            if (target.equals(membership.nodeId())) {
                return Future.succeededFuture(Optional.empty());
            }
            JsonObject request = new JsonObject().put("deviceId", deviceId).put("action", action)
                    .put("params", new JsonObject(params)).put("ttlMs", ttl.toMillis());
            return vertx.eventBus().<JsonObject>request(ADDRESS + target, request,
                            new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis()))
                    .map(reply -> Optional.of(CommandJson.fromJson(reply.body())))
                    .recover(e -> {
                        if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
                            return Future.succeededFuture(Optional.empty());
                        }
                        return Future.failedFuture(new IllegalStateException("instance " + target + ", which holds "
                                + deviceId + ", did not queue the command: " + e.getMessage(), e));
                    });
        });
    }
}
