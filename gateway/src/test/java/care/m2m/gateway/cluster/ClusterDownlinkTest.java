package care.m2m.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.commands.Downlink;
import care.m2m.gateway.config.ClusterSettings;
import care.m2m.testkit.FreePorts;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tip for a device held by another member crosses the real clustered event bus, is decoded there against
 * the contract and handed to that member's transport; the sender learns whether the device got it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterDownlinkTest {

    /** A member's own transports, as the cluster sees them: which devices listen, and what reached them. */
    private static final class Transport implements Downlink {
        final Set<String> listening = ConcurrentHashMap.newKeySet();
        final List<Object> delivered = new CopyOnWriteArrayList<>();

        @Override
        public Future<Void> deliver(String deviceId, MessageType type, Object message) {
            if (!listening.contains(deviceId)) {
                return Future.failedFuture(new DeviceUnreachableException(deviceId + " is not connected"));
            }
            delivered.add(message);
            return Future.succeededFuture();
        }

        @Override
        public boolean isListening(String deviceId, MessageType type) {
            return listening.contains(deviceId);
        }
    }

    private final List<GatewayCluster> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void leave() {
        started.forEach(c -> c.vertx().close().await());
    }

    @Test
    void aTipReachesTheDeviceOnTheMemberThatHoldsIt() throws Exception {
        int[] ports = {FreePorts.next(), FreePorts.next()};
        List<String> members = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);
        GatewayCluster holder = start(ports[0], members);
        GatewayCluster sender = start(ports[1], members);
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.memberCount() == 2);
        MessageCodec codec = new MessageCodec();
        Transport there = new Transport();
        Transport here = new Transport();
        DeviceLocator holderLocator = new DeviceLocator(holder.vertx(), holder);
        new ClusterDownlink(holder.vertx(), there, holderLocator, holder, codec).start().await();
        ClusterDownlink downlink = new ClusterDownlink(sender.vertx(), here, new DeviceLocator(sender.vertx(), sender),
                sender, codec);
        downlink.start().await();
        Tip tip = new Tip("tip-cl-1", Instant.now().truncatedTo(ChronoUnit.MILLIS), "idle_waste", "Switch off",
                "Your machine idles for hours.");

        // GIVEN the device is connected to the other member
        there.listening.add("espresso-dl-1");
        holderLocator.hold("espresso-dl-1").await();
        assertThat(downlink.isListening("espresso-dl-1", MessageType.TIPS)).as("not on this member").isFalse();

        // WHEN a tip is sent from this member, THEN it arrives there, equal to what was sent
        downlink.deliver("espresso-dl-1", MessageType.TIPS, tip).await();
        assertThat(there.delivered).containsExactly(tip);
        assertThat(here.delivered).isEmpty();

        // WHEN the device is held there but no longer listens, THEN the sender learns it was not delivered
        there.listening.remove("espresso-dl-1");
        assertThatThrownBy(() -> downlink.deliver("espresso-dl-1", MessageType.TIPS, tip).await())
                .isInstanceOfAny(DeviceUnreachableException.class, CompletionException.class)
                .hasMessageContaining("espresso-dl-1");
        // AND a device no member holds is unreachable at once
        assertThatThrownBy(() -> downlink.deliver("espresso-dl-2", MessageType.TIPS, tip).await())
                .hasMessageContaining("not listening for tips on any gateway instance");
        // AND a device listening on this member is served here, without the event bus
        here.listening.add("espresso-dl-3");
        downlink.deliver("espresso-dl-3", MessageType.TIPS, tip).await();
        assertThat(here.delivered).containsExactly(tip);
    }

    private GatewayCluster start(int port, List<String> members) throws Exception {
        GatewayCluster cluster = GatewayCluster.start(new ClusterSettings(true, "127.0.0.1", port, Optional.empty(),
                members, 0, Duration.ofSeconds(1), Duration.ofSeconds(4)), new VertxOptions(), null);
        started.add(cluster);
        return cluster;
    }
}
