package care.m2m.sim.transport.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.sim.transport.ConnectRefusedException;
import care.m2m.sim.transport.ConnectionEvents;
import care.m2m.sim.transport.ConnectionSettings;
import care.m2m.sim.transport.DeviceConnection;
import care.m2m.sim.transport.ReasonCodes;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CoAP connection against a scripted Californium server, for the answers a healthy gateway rarely gives:
 * 5.03 with Max-Age makes the device wait and send the same message again, a 4.00 is a rejection carrying its
 * code, and a refused observe (wrong token) is a connect failure with 4.01.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoapConnectionTest {

    private static final String DEVICE = "sim-coap-0001";
    private static final String TOKEN = "token=right";

    private final Queue<ResponseCode> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private CoapServer server;
    private int port;

    @BeforeEach
    void startServer() {
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapFleet.configuration())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        server = new CoapServer(CoapFleet.configuration());
        server.addEndpoint(endpoint);
        CoapResource device = new CoapResource(DEVICE);
        device.add(new CoapResource("telemetry") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                posts.incrementAndGet();
                ResponseCode code = answers.poll();
                if (code == ResponseCode.SERVICE_UNAVAILABLE) {
                    exchange.setMaxAge(1);
                }
                exchange.respond(code == null ? ResponseCode.CHANGED : code);
            }
        });
        device.add(new CoapResource("commands") {
            @Override
            public void handleGET(CoapExchange exchange) {
                boolean allowed = exchange.getRequestOptions().getUriQuery().contains(TOKEN);
                exchange.respond(allowed ? ResponseCode.CONTENT : ResponseCode.UNAUTHORIZED);
            }
        });
        server.add(new CoapResource("m2m").add(new CoapResource("v1").add(device)));
        server.start();
        port = endpoint.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    private DeviceConnection connection(String secret) {
        ConnectionSettings settings = new ConnectionSettings("coap://127.0.0.1:" + port, DEVICE, secret,
                Topics.downlinkFilter(DEVICE), 4, 30, 0, null, null, Encoding.CBOR);
        return CoapConnections.create(settings, new ConnectionEvents() {
            @Override
            public void connected(boolean reconnect) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void downlink(String topic, byte[] payload, String contentType) {
            }

            @Override
            public void retryLater(String topic, long delaySeconds) {
                retries.incrementAndGet();
            }
        }, false);
    }

    private static int post(DeviceConnection connection) throws Exception {
        return connection.publish(Topics.mqtt(DEVICE, MessageType.TELEMETRY), new byte[] {(byte) 0xA0},
                Encoding.CBOR.contentType()).get(20, TimeUnit.SECONDS);
    }

    @Test
    void a503MakesTheDeviceWaitMaxAgeAndSendAgain() throws Exception {
        answers.add(ResponseCode.SERVICE_UNAVAILABLE);
        try (DeviceConnection connection = connection("right")) {
            connection.connect().get(10, TimeUnit.SECONDS);

            assertThat(post(connection)).isZero();
            assertThat(posts).hasValue(2);
            assertThat(retries).hasValue(1);
        }
    }

    @Test
    void aClientErrorIsARejectionWithItsCode() throws Exception {
        answers.add(ResponseCode.BAD_REQUEST);
        try (DeviceConnection connection = connection("right")) {
            connection.connect().get(10, TimeUnit.SECONDS);

            int code = post(connection);

            assertThat(ReasonCodes.isFailure(code)).isTrue();
            assertThat(ReasonCodes.describe(code)).isEqualTo("4.00 bad request");
        }
    }

    @Test
    void aWrongTokenIsAConnectFailureWith401() {
        try (DeviceConnection connection = connection("wrong")) {
            assertThatThrownBy(() -> connection.connect().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConnectRefusedException.class)
                    .hasMessageContaining("4.01 unauthorized");
            assertThat(connection.isConnected()).isFalse();
        }
    }
}
