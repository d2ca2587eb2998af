/**
 * A write-ahead journal in front of the telemetry store: a point is acknowledged once its record is synced to a
 * local file, and a forwarder thread writes the records on to the store (InfluxDB) behind it, retrying through
 * outages and replaying after a restart. Stores keep one copy of a point written twice, so a replay that
 * repeats records already forwarded stores nothing twice.
 */
package care.m2m.gateway.store.journal;
