package care.m2m.gateway.coap;

import static care.m2m.gateway.coap.CoapTelemetryIngestTest.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datagrams that are not CoAP at all, thrown at the live plain CoAP port from a raw {@link DatagramSocket}:
 * Californium drops them inside its stack, and each one is counted as
 * {@code m2mcare_packets_rejected_total{transport="coap",reason="malformed_datagram"}}; a real device is
 * served as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoapMalformedDatagramTest {

    private static final String COUNTER = "m2mcare_packets_rejected_total";

    @TempDir
    Path dataDir;

    @Test
    void everyUnparseableDatagramIsCountedAndARealDeviceIsStillServed() throws Exception {
        try (RunningGateway gateway = RunningGateway.embedded(dataDir); CoapTestDevice device = CoapTestDevice.plain()) {
            DeviceCredentials creds = gateway.register("espresso-udp-0001", "coffee-espresso-x1");
            List<byte[]> garbage = malformedDatagrams(new Random(7));
            int port = URI.create(gateway.coapUrl()).getPort();

            try (DatagramSocket udp = new DatagramSocket()) {
                for (byte[] datagram : garbage) {
                    udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
                }
            }

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.metric(COUNTER,
                    "transport=\"coap\"", "reason=\"malformed_datagram\"")).isEqualTo(garbage.size()));
            CoapResponse response = device.post(uri(gateway, creds, MessageType.TELEMETRY),
                    "{\"v\":1,\"metrics\":{\"boiler_temp_c\":93}}");
            assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(gateway.telemetry(creds.id()).getJsonArray("points")).hasSize(1);
            assertThat(gateway.metric(COUNTER, "transport=\"coap\"", "reason=\"malformed_datagram\""))
                    .as("the valid request is not counted").isEqualTo(garbage.size());
        }
    }

    @Test
    void aBlockOptionSmallerThanItsPayloadIsAnswered400AndCounted() throws Exception {
        try (RunningGateway gateway = RunningGateway.embedded(dataDir); CoapTestDevice device = CoapTestDevice.plain()) {
            DeviceCredentials creds = gateway.register("espresso-udp-0002", "coffee-espresso-x1");
            byte[] datagram = CoapRequestFuzzTest.blockTooSmallForPayload();
            Message answer;
            try (DatagramSocket udp = new DatagramSocket()) {
                udp.setSoTimeout(10_000);
                udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
                        URI.create(gateway.coapUrl()).getPort()));
                DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
                udp.receive(reply);
                answer = new UdpDataParser().parseMessage(Arrays.copyOf(reply.getData(), reply.getLength()));
            }

            assertThat(answer).isInstanceOfSatisfying(Response.class, r -> {
                assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
                assertThat(r.getPayloadString()).contains("exceeds the blocksize");
            });
            assertThat(gateway.metric(COUNTER, "transport=\"coap\"", "reason=\"malformed_datagram\"")).isEqualTo(1.0);
            assertThat(device.post(uri(gateway, creds, MessageType.TELEMETRY), "{\"v\":1,\"metrics\":{\"boiler_temp_c\":90}}")
                    .getCode()).isEqualTo(ResponseCode.CHANGED);
        }
    }

    /**
     * Shorter than a header, a version other than 1, a token length above 8, a token cut short, an option
     * using the reserved nibble 15, and an option running past the end; each kind with random filler.
     */
    private static List<byte[]> malformedDatagrams(Random random) {
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            datagrams.add(randomBytes(random, 1 + random.nextInt(3)));
            byte[] version = randomBytes(random, 4 + random.nextInt(60));
            version[0] = (byte) ((random.nextInt(3) == 0 ? 0x00 : random.nextBoolean() ? 0x80 : 0xC0)
                    | (version[0] & 0x3F));
            datagrams.add(version);
            datagrams.add(header(0x49 + random.nextInt(7), 0x02, random));
            byte[] shortToken = header(0x48, 0x02, random);
            datagrams.add(shortToken);
            datagrams.add(concat(header(0x40, 0x02, random), new byte[] {(byte) 0xF1, 0x41}));
            datagrams.add(concat(header(0x40, 0x02, random), new byte[] {(byte) 0xB8, 'm', '2', 'm'}));
        }
        return datagrams;
    }

    /** A four-byte CoAP header: first byte (version, type, token length), code, random message id. */
    private static byte[] header(int first, int code, Random random) {
        return new byte[] {(byte) first, (byte) code, (byte) random.nextInt(256), (byte) random.nextInt(256)};
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
