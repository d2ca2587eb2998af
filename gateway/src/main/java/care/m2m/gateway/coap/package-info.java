/**
 * The CoAP transport (Eclipse Californium, DTLS through Scandium) for constrained devices. Thin by design:
 * resources parse the path, authenticate the device and call the same
 * {@link care.m2m.gateway.ingest.IngestService} as MQTT; {@link care.m2m.gateway.coap.CoapResponseCodes} is
 * the one place that turns failures into CoAP response codes. See {@code gateway/COAP.md}.
 */
package care.m2m.gateway.coap;
