package care.m2m.gateway.coap;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.topics.Topics;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import org.eclipse.californium.core.coap.OptionSet;

/**
 * What the gateway reads from the options of a device's CoAP request, all of it device-controlled: the
 * Uri-Path (device id and message type), the Content-Format of an uplink, the Accept of an observe, and the
 * {@code token} Uri-Query of plain CoAP. Bad values are refused with a {@link ContractViolation} and nothing
 * else, so that every transport answers them with a 4.xx; fuzzed by {@code CoapRequestFuzzTest}.
 */
final class CoapRequestOptions {

    static final String TOKEN_PREFIX = CoapDeviceAuth.TOKEN_PARAMETER + "=";

    private CoapRequestOptions() {
    }

    /** The device and message type the Uri-Path names. */
    static DeviceTopic topic(OptionSet options) {
        return Topics.parseCoap(options.getUriPath());
    }

    /** The encoding of an uplink body: Content-Format 50 (JSON) or 60 (CBOR), nothing else. */
    static Encoding contentFormat(OptionSet options) {
        int format = options.getContentFormat();
        return Encoding.fromCoapContentFormat(format).orElseThrow(() -> ContractViolation.of(
                Reason.UNSUPPORTED_ENCODING, "Content-Format",
                "50 (application/json) or 60 (application/cbor)", format < 0 ? "none" : String.valueOf(format)));
    }

    /** The encoding of downlink notifications: what Accept asks for when it is JSON or CBOR, else CBOR. */
    static Encoding accept(OptionSet options) {
        return Encoding.fromCoapContentFormat(options.getAccept()).orElse(Encoding.CBOR);
    }

    /** The device secret of a plain CoAP request ({@code ?token=...}, the first one), or null when none came. */
    static String token(OptionSet options) {
        for (String query : options.getUriQuery()) {
            if (query.startsWith(TOKEN_PREFIX)) {
                return query.substring(TOKEN_PREFIX.length());
            }
        }
        return null;
    }
}
