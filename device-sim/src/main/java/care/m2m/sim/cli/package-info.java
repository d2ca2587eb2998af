/**
 * The {@code device-sim} command line: options in help sections, converters for durations and fault injections,
 * defaults from {@code M2MCARE_SIM_*} environment variables, and the translation into typed settings.
 */
package care.m2m.sim.cli;
