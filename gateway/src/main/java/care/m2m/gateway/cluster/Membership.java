package care.m2m.gateway.cluster;

import java.util.function.Consumer;

/**
 * Who this instance is in the cluster, who else is alive, and whether this instance leads: the leader runs
 * the work that must happen once per cluster. A single node is its own cluster and always leads.
 */
public interface Membership {

    /** This instance's node id (the Vert.x cluster node id; "local" for a single node). */
    String nodeId();

    /** Whether this instance is the oldest live member, the one that runs once-per-cluster work. */
    boolean isLeader();

    /** The leader's node id, as this member sees it. */
    String leaderId();

    /** Whether the node is a live member right now. */
    boolean isAlive(String nodeId);

    /** How many members the cluster has, as this member sees it. */
    int memberCount();

    /** Whether this instance is the only member. */
    boolean alone();

    /** Calls the listener (on a cluster thread) with the node id of each member that left or died. */
    void onMemberLeft(Consumer<String> listener);

    /** The single-node mode: one member, always the leader. */
    Membership SINGLE = new Membership() {
        @Override
        public String nodeId() {
            return "local";
        }

        @Override
        public boolean isLeader() {
            return true;
        }

        @Override
        public String leaderId() {
            return "local";
        }

        @Override
        public boolean isAlive(String nodeId) {
            return "local".equals(nodeId);
        }

        @Override
        public int memberCount() {
            return 1;
        }

        @Override
        public boolean alone() {
            return true;
        }

        @Override
        public void onMemberLeft(Consumer<String> listener) {
        }
    };
}
