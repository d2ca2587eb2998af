/**
 * Real servers for tests, from the operating system's packages rather than mocks: InfluxDB, PostgreSQL and
 * Mosquitto, each started by our own code on free loopback ports in a temporary folder, shared by all test
 * classes of one JVM and stopped by a shutdown hook. A missing binary or a server that will not start fails
 * the test with the server's own log, never skips it.
 */
package care.m2m.testkit;
