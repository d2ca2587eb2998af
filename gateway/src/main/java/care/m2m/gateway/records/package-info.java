/**
 * The SQL records database: connection pool, migrations and the blocking access every feature's
 * repository builds on.
 */
package care.m2m.gateway.records;
