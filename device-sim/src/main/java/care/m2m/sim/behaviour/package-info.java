/**
 * Simulated products: one class per device model, each a small state machine driven by a simulated clock and a
 * seeded random source, so that telemetry shows the usage patterns, physics and fault symptoms the gateway's
 * diagnosis and the usage advisor are written for, and the same seed replays the same day.
 */
package care.m2m.sim.behaviour;
