/**
 * The simulated firmware: what runs on the device beside the physics. It samples telemetry, notices faults and
 * raises and clears fault events, and obeys commands from the gateway the way the contract asks (accepted, then
 * executed or failed; rejected when expired, unknown or busy). It knows no MQTT: messages leave through an
 * {@link care.m2m.sim.firmware.Uplink}, so the logic is tested without a broker.
 */
package care.m2m.sim.firmware;
