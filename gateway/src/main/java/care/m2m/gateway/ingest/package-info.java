/**
 * The protocol-neutral ingest path: decode, validate against the firmware contract and the device model,
 * store durably, then notify listeners. MQTT and CoAP call the same {@link care.m2m.gateway.ingest.IngestService}.
 */
package care.m2m.gateway.ingest;
