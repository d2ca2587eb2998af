package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.Command;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.DeviceUnreachableException;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CoAP device observes its commands resource; each downlink message reaches it as a confirmable
 * notification, and the sender learns of the device's acknowledgement, exactly as with MQTT's PUBACK.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoapDownlinkTest {

    private static final String MODEL = "coffee-espresso-x1";

    @TempDir
    Path dataDir;
    private RunningGateway gateway;
    private CoapDownlink downlink;

    @BeforeEach
    void startGateway() {
        gateway = RunningGateway.embedded(dataDir);
        downlink = gateway.app().coapDownlink();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private String commandsUri(DeviceCredentials creds, String pathDeviceId) {
        return gateway.coapUrl() + "/m2m/v1/" + pathDeviceId + "/commands?token=" + creds.secret();
    }

    private static Command command(String id) {
        return new Command(id, "descale", Map.of("minutes", 5), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"));
    }

    private static void acknowledged(Future<Void> future) throws Exception {
        future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Collects the payloads of non-empty notifications. */
    private static final class Inbox implements CoapHandler {
        final List<CoapResponse> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onLoad(CoapResponse response) {
            if (response.getPayloadSize() > 0) {
                messages.add(response);
            }
        }

        @Override
        public void onError() {
        }
    }

    @Test
    void anObservingDeviceGetsCommandsInItsEncodingAndAcknowledgesThemInOrder() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-down-0001", MODEL);
        List<String> nowListening = new CopyOnWriteArrayList<>();
        downlink.onListening(MessageType.COMMANDS, nowListening::add);
        MessageCodec codec = new MessageCodec();
        Inbox inbox = new Inbox();

        try (CoapTestDevice device = CoapTestDevice.plain()) {
            CoapObserveRelation relation = device.observe(commandsUri(creds, creds.id()), 50, inbox);
            await().atMost(Duration.ofSeconds(10)).until(() -> downlink.isListening(creds.id(), MessageType.COMMANDS));
            assertThat(nowListening).containsExactly(creds.id());

            Future<Void> first = downlink.deliver(creds.id(), MessageType.COMMANDS, command("cmd-1"));
            Future<Void> second = downlink.deliver(creds.id(), MessageType.COMMANDS, command("cmd-2"));
            acknowledged(first);
            acknowledged(second);

            await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 2);
            assertThat(inbox.messages).extracting(r -> r.getOptions().getContentFormat()).containsOnly(50);
            assertThat(inbox.messages).extracting(r -> codec.decodeCommand(r.getPayload(), Encoding.JSON).id())
                    .containsExactly("cmd-1", "cmd-2");
            relation.proactiveCancel();
        }
    }

    @Test
    void withoutAcceptNotificationsAreCbor() throws Exception {
        DeviceCredentials creds = gateway.register("espresso-down-0002", MODEL);
        Inbox inbox = new Inbox();

        try (CoapTestDevice device = CoapTestDevice.plain()) {
            device.observe(commandsUri(creds, creds.id()), -1, inbox);
            await().atMost(Duration.ofSeconds(10)).until(() -> downlink.isListening(creds.id(), MessageType.COMMANDS));
            acknowledged(downlink.deliver(creds.id(), MessageType.COMMANDS, command("cmd-cbor")));

            await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 1);
            CoapResponse notification = inbox.messages.get(0);
            assertThat(notification.getOptions().getContentFormat()).isEqualTo(60);
            assertThat(new MessageCodec().decodeCommand(notification.getPayload(), Encoding.CBOR).action())
                    .isEqualTo("descale");
        }
    }

    @Test
    void aDeviceThatDoesNotObserveIsUnreachable() {
        DeviceCredentials creds = gateway.register("espresso-down-0003", MODEL);

        Future<Void> delivery = downlink.deliver(creds.id(), MessageType.COMMANDS, command("cmd-x"));

        assertThat(downlink.isListening(creds.id(), MessageType.COMMANDS)).isFalse();
        assertThat(delivery.failed()).isTrue();
        assertThat(delivery.cause()).isInstanceOf(DeviceUnreachableException.class);
    }

    @Test
    void observingAnotherDevicesCommandsOrWithAWrongTokenIsRefused() throws Exception {
        DeviceCredentials mine = gateway.register("espresso-down-0004", MODEL);
        DeviceCredentials other = gateway.register("espresso-down-0005", MODEL);

        try (CoapTestDevice device = CoapTestDevice.dtls(mine.id(), mine.psk())) {
            CoapResponse foreign = device.observeOnce(gateway.coapsUrl() + "/m2m/v1/" + other.id() + "/commands");
            assertThat(foreign.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        }
        try (CoapTestDevice device = CoapTestDevice.plain()) {
            CoapResponse wrongToken = device.observeOnce(commandsUri(mine, other.id()));
            assertThat(wrongToken.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        }
        assertThat(downlink.isListening(other.id(), MessageType.COMMANDS)).isFalse();
        assertThat(gateway.metric("m2mcare_subscriptions_rejected_total", "transport=\"coap\"")).isEqualTo(1.0);
    }
}
