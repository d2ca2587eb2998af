/**
 * Telemetry in InfluxDB 1.x through its v1 HTTP API: one synchronous write per batch, so that a returned
 * write is an acknowledged one, and InfluxQL reads with bound parameters.
 */
package care.m2m.gateway.store.influx;
