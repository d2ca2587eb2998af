package care.m2m.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.gateway.config.ClusterSettings;
import care.m2m.gateway.support.PrometheusText;
import care.m2m.testkit.FreePorts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real Hazelcast members in one JVM on loopback: they find each other through the TCP member list, agree
 * on the leader (the oldest), share the device locator, and the survivor takes the lead when the leader goes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayClusterTest {

    private final List<GatewayCluster> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void leave() {
        started.forEach(c -> c.vertx().close().await());
    }

    @Test
    void membersAgreeOnTheLeaderShareTheLocatorAndTheSurvivorTakesOver() throws Exception {
        int[] ports = {FreePorts.next(), FreePorts.next()};
        List<String> members = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);
        GatewayCluster first = start(ports[0], members);
        GatewayCluster second = start(ports[1], members);

        await().atMost(Duration.ofSeconds(30)).until(() -> first.memberCount() == 2 && second.memberCount() == 2);
        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        assertThat(second.leaderId()).isEqualTo(first.nodeId());
        assertThat(second.isAlive(first.nodeId())).isTrue();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClusterMetrics.register(registry, second);
        assertThat(PrometheusText.value(registry.scrape(), "m2mcare_cluster_members")).isEqualTo(2.0);
        assertThat(PrometheusText.value(registry.scrape(), "m2mcare_cluster_leader")).isZero();

        // WHEN a device connects to the first member, THEN the second finds it there
        DeviceLocator firstLocator = new DeviceLocator(first.vertx(), first);
        DeviceLocator secondLocator = new DeviceLocator(second.vertx(), second);
        assertThat(firstLocator.hold("espresso-loc-1").await()).isEmpty();
        assertThat(secondLocator.holder("espresso-loc-1").await()).contains(first.nodeId());
        assertThat(secondLocator.heldElsewhere().await()).containsExactly("espresso-loc-1");
        // AND when it moves to the second member, that one learns where it was
        assertThat(secondLocator.hold("espresso-loc-1").await()).contains(first.nodeId());
        assertThat(firstLocator.holder("espresso-loc-1").await()).contains(second.nodeId());
        assertThat(firstLocator.hold("espresso-loc-2").await()).isEmpty();

        // WHEN the leader leaves, THEN the survivor hears of it, leads, and ignores the leaver's entries
        List<String> left = new CopyOnWriteArrayList<>();
        second.onMemberLeft(left::add);
        String leaver = first.nodeId();
        started.remove(first);
        first.vertx().close().await();
        await().atMost(Duration.ofSeconds(30)).until(() -> left.contains(leaver));
        assertThat(second.isLeader()).isTrue();
        assertThat(second.isAlive(leaver)).isFalse();
        assertThat(secondLocator.holder("espresso-loc-2").await()).isEmpty();
        assertThat(PrometheusText.value(registry.scrape(), "m2mcare_cluster_leader")).isEqualTo(1.0);
    }

    private GatewayCluster start(int port, List<String> members) throws Exception {
        ClusterSettings settings = new ClusterSettings(true, "127.0.0.1", port, Optional.empty(), members, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(4));
        GatewayCluster cluster = GatewayCluster.start(settings, new VertxOptions(), null);
        started.add(cluster);
        return cluster;
    }
}
