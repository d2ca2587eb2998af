/**
 * The benchmark load generator ({@code device-sim load}): thousands of MQTT 3.1.1 devices on a few Vert.x event
 * loops (non-blocking Netty sockets, no thread per client as Paho has), each publishing contract-valid telemetry at
 * QoS 1 either as fast as a per-device window of unacknowledged messages allows or at a fixed fleet rate, and
 * measuring PUBACK latency over a steady window after a warm-up. The same generator drives every target (the M2M
 * Care gateway, Mosquitto, any MQTT broker), so figures from one run compare. It does not reconnect: a benchmark
 * must see lost connections, not hide them.
 */
package care.m2m.sim.load;
