/**
 * M2M Care's fleet simulator and load generator: {@link care.m2m.sim.DeviceSimMain} wires the command line to
 * provisioning, simulated products and firmware, MQTT transport and run statistics (one package each).
 */
package care.m2m.sim;
