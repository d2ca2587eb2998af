/**
 * Bytes on the wire to message records and back: {@link care.m2m.contracts.codec.MessageCodec} decodes and
 * encodes the six messages of contract v1 in JSON or CBOR ({@link care.m2m.contracts.codec.Encoding}),
 * validating every message against the published JSON Schemas in both directions.
 */
package care.m2m.contracts.codec;
