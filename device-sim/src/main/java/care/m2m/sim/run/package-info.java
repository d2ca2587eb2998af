/**
 * Running a fleet: connecting devices at a bounded rate, pacing telemetry on a few shared scheduler threads,
 * tracking every QoS 1 message until its PUBACK (or a timeout) and stopping cleanly with a summary.
 */
package care.m2m.sim.run;
