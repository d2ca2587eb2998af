package care.m2m.gateway.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which instance holds which device, known cluster-wide: a clustered map from device id to node id, written
 * when a device connects to an instance. The entry means "holds its diagnosis state and open commands", not
 * only "is connected": it stays after a disconnect until another instance takes the device over, so commands
 * for an offline device still find the instance that queues them. An entry that names a dead member counts as
 * no entry (the leader adopts such devices), so a crashed instance never has to clean up after itself.
 */
public final class DeviceLocator {

    static final String MAP_NAME = "m2mcare.device-locations";

    private final Membership membership;
    private final Future<AsyncMap<String, String>> map;

    public DeviceLocator(Vertx vertx, Membership membership) {
        this.membership = membership;
        this.map = vertx.sharedData().getAsyncMap(MAP_NAME);
    }

    /** Records that this instance holds the device now; answers the live instance that held it before, if any
     * (possibly this one). */
    public Future<Optional<String>> hold(String deviceId) {
        return map.compose(m -> m.get(deviceId).compose(previous -> m.put(deviceId, membership.nodeId())
                .map(v -> Optional.ofNullable(previous).filter(membership::isAlive))));
    }

    /** The live instance that holds the device, if any. */
    public Future<Optional<String>> holder(String deviceId) {
        return map.compose(m -> m.get(deviceId)).map(node -> Optional.ofNullable(node).filter(membership::isAlive));
    }

    /** The devices held by another live instance: what a leader adopting orphaned devices must leave alone. */
    public Future<Set<String>> heldElsewhere() {
        return map.compose(AsyncMap::entries).map(entries -> entries.entrySet().stream()
                .filter(e -> !membership.nodeId().equals(e.getValue()) && membership.isAlive(e.getValue()))
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet()));
    }
}
