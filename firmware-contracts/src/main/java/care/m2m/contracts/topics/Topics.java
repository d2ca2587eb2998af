package care.m2m.contracts.topics;

import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.ContractViolation.Reason;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The topic layout of contract v1, in one place: {@code m2m/v1/{deviceId}/{type}} for MQTT and
 * {@code /m2m/v1/{deviceId}/{type}} for CoAP, where type is the {@link MessageType#segment()}.
 */
public final class Topics {

    public static final String ROOT = "m2m";
    public static final String VERSION = "v1";
    /** Device ids: a letter or digit, then up to 63 letters, digits, dots, underscores or dashes. */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String PREFIX = ROOT + "/" + VERSION + "/";

    private Topics() {
    }

    public static String mqtt(String deviceId, MessageType type) {
        return PREFIX + requireDeviceId(deviceId) + "/" + type.segment();
    }

    /** CoAP URI path segments, for example {@code [m2m, v1, espresso-0001, telemetry]}. */
    public static List<String> coapPath(String deviceId, MessageType type) {
        return List.of(ROOT, VERSION, requireDeviceId(deviceId), type.segment());
    }

    /** A filter matching every downlink topic of one device. */
    public static String downlinkFilter(String deviceId) {
        return PREFIX + requireDeviceId(deviceId) + "/+";
    }

    public static boolean isValidDeviceId(String deviceId) {
        return deviceId != null && DEVICE_ID.matcher(deviceId).matches();
    }

    public static String requireDeviceId(String deviceId) {
        if (!isValidDeviceId(deviceId)) {
            throw ContractViolation.of(Reason.SCHEMA_VIOLATION, "deviceId",
                    "1 to 64 of [A-Za-z0-9._-], starting with a letter or digit", String.valueOf(deviceId));
        }
        return deviceId;
    }

    /**
     * Parses an MQTT topic name of the contract.
     *
     * @throws ContractViolation with {@link Reason#INVALID_TOPIC} or {@link Reason#UNSUPPORTED_VERSION}
     */
    public static DeviceTopic parseMqtt(String topic) {
        if (topic == null) {
            throw invalid("nothing");
        }
        return parseSegments(topic, topic.split("/", -1));
    }

    /** Parses CoAP URI path segments, the same layout as MQTT topics. */
    public static DeviceTopic parseCoap(List<String> segments) {
        return parseSegments(String.join("/", segments), segments.toArray(String[]::new));
    }

    private static DeviceTopic parseSegments(String original, String[] parts) {
        if (parts.length != 4 || !ROOT.equals(parts[0])) {
            throw invalid(original);
        }
        if (!VERSION.equals(parts[1])) {
            throw ContractViolation.of(Reason.UNSUPPORTED_VERSION, "topic[1]", "contract version " + VERSION, parts[1]);
        }
        if (!isValidDeviceId(parts[2])) {
            throw ContractViolation.of(Reason.INVALID_TOPIC, "topic[2]", "a device id", parts[2]);
        }
        MessageType type = MessageType.fromSegment(parts[3])
                .orElseThrow(() -> ContractViolation.of(Reason.INVALID_TOPIC, "topic[3]",
                        "one of telemetry, events, command-results, tip-feedback, commands, tips, config, tip-states", parts[3]));
        return new DeviceTopic(parts[2], type);
    }

    private static ContractViolation invalid(String topic) {
        return ContractViolation.of(Reason.INVALID_TOPIC, "topic", PREFIX + "{deviceId}/{type}", topic);
    }
}
