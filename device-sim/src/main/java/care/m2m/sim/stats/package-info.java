/**
 * What a run measured: thread-safe counters and the publish-to-PUBACK latency histogram, the progress line while
 * it runs and the summary (text and JSON) at the end, so that a load test has numbers to compare between builds.
 */
package care.m2m.sim.stats;
