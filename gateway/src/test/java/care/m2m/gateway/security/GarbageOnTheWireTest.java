package care.m2m.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed MQTT frames and CoAP datagrams thrown at the live servers: random bytes, truncated and lying
 * frames. The gateway keeps serving real devices on both transports; the refused MQTT connections are counted
 * (Vert.x's {@code vertx_net_server_errors_total}), and so are the CoAP datagrams Californium cannot parse
 * ({@code reason="malformed_datagram"}; exact counts in {@code CoapMalformedDatagramTest}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GarbageOnTheWireTest {

    private static final int ROUNDS = 150;

    @TempDir
    Path dataDir;

    @Test
    void garbageNeverStopsTheServers() throws Exception {
        try (RunningGateway gateway = RunningGateway.embedded(dataDir)) {
            DeviceCredentials creds = gateway.register("espresso-wire-1", "coffee-espresso-x1");
            int mqttPort = URI.create(gateway.mqttUrl()).getPort();
            int coapPort = URI.create(gateway.coapUrl()).getPort();
            Random random = new Random(42);
            for (int i = 0; i < ROUNDS; i++) {
                sendTcp(mqttPort, frame(random, i));
            }
            try (DatagramSocket udp = new DatagramSocket()) {
                for (int i = 0; i < ROUNDS; i++) {
                    byte[] datagram = new byte[random.nextInt(1, 300)];
                    random.nextBytes(datagram);
                    if (i % 3 == 0) {
                        datagram[0] = 0x40;
                    }
                    udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), coapPort));
                }
            }

            try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
                assertThat(device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":92}}")).isZero();
            }
            assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).hasSize(1);
            assertThat(gateway.metric("vertx_net_server_errors_total")).as("refused MQTT frames are counted").isGreaterThan(0);
            assertThat(gateway.metric("m2mcare_packets_rejected_total", "transport=\"coap\"",
                    "reason=\"malformed_datagram\"")).as("unparseable CoAP datagrams are counted").isGreaterThan(0);
        }
    }

    /** Random bytes, a CONNECT header with a lying length, or a truncated valid-looking CONNECT. */
    private static byte[] frame(Random random, int i) {
        return switch (i % 3) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(1, 200)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> new byte[] {0x10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 0, 4, 'M', 'Q', 'T', 'T'};
            default -> new byte[] {0x10, 0x20, 0, 4, 'M', 'Q', 'T', 'T', 5, 2, 0};
        };
    }

    private static void sendTcp(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(50);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            try {
                socket.getInputStream().read();
            } catch (IOException closedOrQuiet) {
                // the server closed the connection, or said nothing: both are fine
            }
        }
    }
}
