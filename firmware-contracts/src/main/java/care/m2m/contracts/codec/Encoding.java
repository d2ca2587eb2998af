package care.m2m.contracts.codec;

import java.util.Optional;

/**
 * The payload encodings of the contract: JSON for capable devices, CBOR for constrained ones. The same
 * message has the same fields in both.
 */
public enum Encoding {
    JSON("application/json", 50),
    CBOR("application/cbor", 60);

    private final String contentType;
    private final int coapContentFormat;

    Encoding(String contentType, int coapContentFormat) {
        this.contentType = contentType;
        this.coapContentFormat = coapContentFormat;
    }

    /** MIME type, used as the MQTT 5 content-type property. */
    public String contentType() {
        return contentType;
    }

    /** CoAP Content-Format number (RFC 7252 registry). */
    public int coapContentFormat() {
        return coapContentFormat;
    }

    public static Optional<Encoding> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";", 2)[0].trim();
        for (Encoding e : values()) {
            if (e.contentType.equalsIgnoreCase(base)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<Encoding> fromCoapContentFormat(int format) {
        for (Encoding e : values()) {
            if (e.coapContentFormat == format) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Guesses the encoding of a payload that came without a content type (MQTT 3.1.1): a JSON object starts
     * with '{' (after white space); a CBOR map starts with major type 5 (0xA0 to 0xBF).
     */
    public static Encoding sniff(byte[] payload) {
        for (byte b : payload) {
            int c = b & 0xFF;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            return (c >= 0xA0 && c <= 0xBF) ? CBOR : JSON;
        }
        return JSON;
    }
}
