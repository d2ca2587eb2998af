package care.m2m.gateway.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The cluster as Prometheus sees each instance: {@code m2mcare_cluster_members} (how many members this one
 * sees; all instances should agree) and {@code m2mcare_cluster_leader} (1 on the one instance that runs the
 * once-per-cluster work; the sum over all instances should be 1).
 */
public final class ClusterMetrics {

    private ClusterMetrics() {
    }

    public static void register(MeterRegistry registry, Membership membership) {
        Gauge.builder("m2mcare.cluster.members", membership, Membership::memberCount)
                .description("Cluster members this gateway instance sees").register(registry);
        Gauge.builder("m2mcare.cluster.leader", membership, m -> m.isLeader() ? 1 : 0)
                .description("1 on the instance that runs the once-per-cluster work").register(registry);
    }
}
