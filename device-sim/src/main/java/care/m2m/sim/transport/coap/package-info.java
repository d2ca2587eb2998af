/**
 * CoAP for simulated firmware: a {@link care.m2m.sim.transport.DeviceConnection} over an Eclipse Californium client,
 * plain (the device secret as {@code ?token=}) or over DTLS 1.2 with the device's pre-shared key (Scandium), so a
 * fleet of constrained devices runs through the same firmware, statistics and summary as an MQTT fleet.
 */
package care.m2m.sim.transport.coap;
