package care.m2m.gateway.mqtt;

import care.m2m.gateway.ingest.IngestException;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;

/**
 * The one place that turns gateway failures into MQTT answers. MQTT 5 has reason codes for everything;
 * MQTT 3.1.1 has none on PUBACK, so there the closest allowed behaviour applies (see the README table):
 * invalid payloads are acknowledged and dropped (counted), while unauthorised topics and an unavailable
 * store close the connection, so the device re-sends after reconnecting.
 */
final class MqttReasonCodes {

    static final int MQTT_5 = 5;
    private static final int MAX_REASON_STRING = 200;

    private MqttReasonCodes() {
    }

    /** What to do with a PUBLISH that failed, for the given protocol version. */
    enum Reaction { ACK_WITH_CODE, ACK_AND_DROP, CLOSE }

    static Reaction reaction(IngestException failure, int protocolVersion) {
        if (protocolVersion >= MQTT_5) {
            return Reaction.ACK_WITH_CODE;
        }
        return failure.kind() == IngestException.Kind.INVALID ? Reaction.ACK_AND_DROP : Reaction.CLOSE;
    }

    static MqttPubAckReasonCode pubAck(IngestException failure) {
        return switch (failure.kind()) {
            case INVALID -> "invalid_topic".equals(failure.reason())
                    ? MqttPubAckReasonCode.TOPIC_NAME_INVALID : MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID;
            case NOT_AUTHORIZED -> MqttPubAckReasonCode.NOT_AUTHORIZED;
            case OVERLOADED -> MqttPubAckReasonCode.QUOTA_EXCEEDED;
            case UNAVAILABLE -> MqttPubAckReasonCode.UNSPECIFIED_ERROR;
        };
    }

    /** CONNACK code for a refused connection; MQTT 3.1.1 and 5 number them differently. */
    static MqttConnectReturnCode badCredentials(int protocolVersion) {
        return protocolVersion >= MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
    }

    static MqttConnectReturnCode identifierRejected(int protocolVersion) {
        return protocolVersion >= MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
    }

    /** Too many failed attempts from this device id or address: MQTT 5 0x9F, MQTT 3.1.1 "server unavailable". */
    static MqttConnectReturnCode rateExceeded(int protocolVersion) {
        return protocolVersion >= MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED
                : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
    }

    static MqttConnectReturnCode serverUnavailable(int protocolVersion) {
        return protocolVersion >= MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
    }

    /** MQTT 5 properties carrying a human-readable reason string, shortened to stay small. */
    static MqttProperties reasonString(String reason) {
        MqttProperties properties = new MqttProperties();
        if (reason != null) {
            String text = reason.length() <= MAX_REASON_STRING ? reason : reason.substring(0, MAX_REASON_STRING) + "...";
            properties.add(new MqttProperties.StringProperty(MqttProperties.REASON_STRING, text));
        }
        return properties;
    }
}
