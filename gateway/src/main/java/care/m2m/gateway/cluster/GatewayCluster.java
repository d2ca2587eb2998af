package care.m2m.gateway.cluster;

import care.m2m.gateway.config.ClusterSettings;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clustered Vert.x on Hazelcast, configured in code: a fixed TCP member list (no multicast, works on
 * loopback and in containers), the advertised address, fast failure detection (heartbeat and the silence
 * after which a member is dead), quick split-brain merges, no phone-home, and no Hazelcast shutdown hook (the
 * gateway's own hook closes Vert.x, which leaves the cluster in order). The leader is Hazelcast's oldest
 * member, which every member agrees on from its own member list.
 */
public final class GatewayCluster implements Membership {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCluster.class);
    static final String CLUSTER_NAME = "m2mcare";
    /** The member attribute in which vertx-hazelcast keeps the Vert.x node id of each member. */
    private static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(90);

    private final Vertx vertx;
    private final HazelcastClusterManager manager;
    private final List<Consumer<String>> leftListeners = new CopyOnWriteArrayList<>();

    private GatewayCluster(Vertx vertx, HazelcastClusterManager manager) {
        this.vertx = vertx;
        this.manager = manager;
        manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                LOG.info("Cluster member joined: {} ({} members)", event.getMember().getAttribute(NODE_ID_ATTRIBUTE),
                        event.getMembers().size());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String node = event.getMember().getAttribute(NODE_ID_ATTRIBUTE);
                LOG.warn("Cluster member left: {} ({} members left, this instance {} the leader)", node,
                        event.getMembers().size(), isLeader() ? "is" : "is not");
                leftListeners.forEach(l -> l.accept(node));
            }
        });
    }

    /**
     * Starts the clustered Vert.x (with the metrics factory, unless null) and joins the other members; blocks
     * until joined, so never call it on an event loop.
     */
    public static GatewayCluster start(ClusterSettings settings, VertxOptions options, VertxMetricsFactory metrics)
            throws Exception {
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(settings));
        EventBusOptions eventBus = options.getEventBusOptions().setHost(settings.host()).setPort(settings.eventBusPort());
        settings.publicHost().ifPresent(eventBus::setClusterPublicHost);
        VertxBuilder builder = Vertx.builder().with(options).withClusterManager(manager);
        if (metrics != null) {
            builder.withMetrics(metrics);
        }
        Vertx vertx = builder.buildClustered().toCompletionStage().toCompletableFuture().get(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        GatewayCluster cluster = new GatewayCluster(vertx, manager);
        LOG.info("Joined cluster {} as {} on {}:{} ({} members, leader: {})", CLUSTER_NAME, cluster.nodeId(),
                settings.host(), settings.port(), manager.getNodes().size(), cluster.isLeader());
        return cluster;
    }

    static Config hazelcastConfig(ClusterSettings settings) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(CLUSTER_NAME);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.local.localAddress", settings.host());
        config.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(settings.heartbeat().toSeconds()));
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(settings.failureTimeout().toSeconds()));
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        settings.publicHost().ifPresent(h -> network.setPublicAddress(h + ":" + settings.port()));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(settings.members());
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public String nodeId() {
        return manager.getNodeId();
    }

    @Override
    public boolean isLeader() {
        HazelcastInstance hz = manager.getHazelcastInstance();
        if (hz == null || !hz.getLifecycleService().isRunning()) {
            return false;
        }
        Iterator<Member> members = hz.getCluster().getMembers().iterator();
        return members.hasNext() && members.next().localMember();
    }

    /** The Vert.x node ids of the members, oldest first (Hazelcast keeps its member list in joining order). */
    private List<String> nodes() {
        return manager.getNodes();
    }

    @Override
    public String leaderId() {
        List<String> nodes = nodes();
        return nodes.isEmpty() ? nodeId() : nodes.get(0);
    }

    @Override
    public boolean isAlive(String nodeId) {
        return nodeId != null && nodes().contains(nodeId);
    }

    @Override
    public int memberCount() {
        return nodes().size();
    }

    @Override
    public boolean alone() {
        return nodes().size() <= 1;
    }

    @Override
    public void onMemberLeft(Consumer<String> listener) {
        leftListeners.add(listener);
    }
}
