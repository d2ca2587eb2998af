package care.m2m.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Clustered mode: several gateway instances working as one over Vert.x clustering with Hazelcast. Members
 * find each other through a fixed list of {@code host:port} addresses (TCP, no multicast), which works on
 * loopback and in containers alike. {@code host} is the address this member binds and, unless
 * {@code publicHost} is set (a container behind NAT), advertises; the event bus gets its own port
 * (0: any free port). A member that sends no heartbeat for {@code failureTimeout} is declared dead.
 */
public record ClusterSettings(boolean enabled, String host, int port, Optional<String> publicHost,
        List<String> members, int eventBusPort, Duration heartbeat, Duration failureTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_FAILURE_TIMEOUT = Duration.ofSeconds(10);

    public ClusterSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicHost, "publicHost");
        members = List.copyOf(members);
        if (enabled && members.isEmpty()) {
            throw new IllegalArgumentException("M2MCARE_CLUSTER_MEMBERS: required when M2MCARE_CLUSTER_ENABLED=true,"
                    + " expected host:port,host:port (this member may be in the list), got nothing");
        }
        for (String member : members) {
            if (!member.matches("[^:\\s]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("M2MCARE_CLUSTER_MEMBERS: expected host or host:port entries,"
                        + " got '" + member + "'");
            }
        }
        if (failureTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("M2MCARE_CLUSTER_FAILURE_SECONDS: expected at least two heartbeats ("
                    + heartbeat.multipliedBy(2).toSeconds() + " s), got " + failureTimeout.toSeconds() + " s");
        }
    }

    /** Single-node mode, the default. */
    public static ClusterSettings disabled() {
        return new ClusterSettings(false, DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), List.of(), 0,
                DEFAULT_HEARTBEAT, DEFAULT_FAILURE_TIMEOUT);
    }
}
