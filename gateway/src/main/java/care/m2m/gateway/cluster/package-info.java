/**
 * Clustered mode: several gateway instances working as one. Vert.x clustering with Hazelcast (TCP member
 * list, no multicast) carries the event bus; PostgreSQL and InfluxDB are shared by every instance.
 * <ul>
 * <li>{@link care.m2m.gateway.cluster.GatewayCluster} starts the clustered Vert.x and says who is a member and
 * who leads ({@link care.m2m.gateway.cluster.Membership}: the oldest member; a single node always leads).</li>
 * <li>{@link care.m2m.gateway.cluster.DeviceLocator} knows cluster-wide which instance holds each device's
 * connection; {@link care.m2m.gateway.cluster.DeviceHandover} moves a device's diagnosis state and pending
 * commands to the instance it connects to, and lets the leader adopt the devices of an instance that died.</li>
 * <li>{@link care.m2m.gateway.cluster.ClusterDownlink} and {@link care.m2m.gateway.cluster.RemoteCommands} route
 * tips and operator commands over the clustered event bus to the instance that holds the device.</li>
 * <li>Periodic work that must run once per cluster asks {@link care.m2m.gateway.cluster.Membership#isLeader()};
 * the database stays the real guard against duplicates (unique open keys, conditional state changes).</li>
 * </ul>
 */
package care.m2m.gateway.cluster;
