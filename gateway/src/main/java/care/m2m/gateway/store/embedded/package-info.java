/**
 * Telemetry in an embedded H2 file under the data folder: the default when no InfluxDB is configured, so
 * that a gateway runs with nothing else installed and still never acknowledges a reading it could lose.
 */
package care.m2m.gateway.store.embedded;
