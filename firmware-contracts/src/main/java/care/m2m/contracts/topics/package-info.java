/**
 * Where messages travel: MQTT topic names and CoAP paths of contract v1, built and parsed in one place so that
 * the gateway and the device simulator never spell a topic themselves.
 */
package care.m2m.contracts.topics;
