/**
 * Transports for simulated firmware: one small {@link care.m2m.sim.transport.DeviceConnection} interface over the
 * Paho MQTT 5 and MQTT 3.1.1 clients and the Californium CoAP client (subpackage {@code coap}), so that the rest
 * of the simulator never depends on which protocol runs.
 */
package care.m2m.sim.transport;
