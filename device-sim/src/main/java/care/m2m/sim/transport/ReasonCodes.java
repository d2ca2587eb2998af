package care.m2m.sim.transport;

import java.util.Locale;
import java.util.Map;
import org.eclipse.californium.core.coap.CoAP;

/**
 * Names of the MQTT 5 reason codes and CoAP response codes a gateway answers with, for summaries and logs that a
 * person reads. A CoAP code travels as {@link #COAP_OFFSET} plus its code byte, so one rejection counter serves both.
 */
public final class ReasonCodes {

    /** Codes from this value on mean failure (MQTT 5, section 2.4). */
    public static final int FIRST_FAILURE = 0x80;
    /** CoAP response codes are carried as this offset plus the code byte ({@code class << 5 | detail}). */
    public static final int COAP_OFFSET = 0x10000;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "success"),
            Map.entry(0x10, "no matching subscribers"),
            Map.entry(0x80, "unspecified error"),
            Map.entry(0x83, "implementation specific error"),
            Map.entry(0x84, "unsupported protocol version"),
            Map.entry(0x85, "client identifier not valid"),
            Map.entry(0x86, "bad user name or password"),
            Map.entry(0x87, "not authorized"),
            Map.entry(0x88, "server unavailable"),
            Map.entry(0x89, "server busy"),
            Map.entry(0x8A, "banned"),
            Map.entry(0x90, "topic name invalid"),
            Map.entry(0x91, "packet identifier in use"),
            Map.entry(0x97, "quota exceeded"),
            Map.entry(0x99, "payload format invalid"));

    private ReasonCodes() {
    }

    public static boolean isFailure(int code) {
        return code >= FIRST_FAILURE && code <= 0xFF || code >= COAP_OFFSET + (4 << 5) && code < COAP_OFFSET + 0x100;
    }

    /** The reason code for a CoAP response code byte, for example 0x80 (4.00). */
    public static int coap(int codeByte) {
        return COAP_OFFSET + (codeByte & 0xFF);
    }

    /** For example {@code 0x87 not authorized}; codes above 255 are Paho's own client codes. */
    public static String describe(int code) {
        if (code >= COAP_OFFSET && code < COAP_OFFSET + 0x100) {
            int codeByte = code - COAP_OFFSET;
            return String.format(Locale.ROOT, "%d.%02d %s", codeByte >> 5, codeByte & 0x1F, coapName(codeByte));
        }
        if (code > 0xFF) {
            return "client error " + code;
        }
        return String.format("0x%02X %s", code, NAMES.getOrDefault(code, "unknown"));
    }

    private static String coapName(int codeByte) {
        try {
            CoAP.ResponseCode known = CoAP.ResponseCode.valueOf(codeByte);
            return known.value == codeByte ? known.name().replace('_', ' ').toLowerCase(Locale.ROOT) : "unknown";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
