package care.m2m.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.Telemetry;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The gateway decodes every telemetry message, so its cost matters (target: well under 50 µs for ten metrics).
 * This prints the observed cost for the build log; it asserts only correctness, because timings on shared build
 * machines are noise, not a contract.
 */
class DecodeCostTest {

    private static final int WARM_UP = 10_000;
    private static final int MEASURED = 20_000;

    @Test
    void prints_the_cost_of_decoding_a_typical_ten_metric_message() throws IOException {
        MessageCodec codec = MessageCodec.shared();
        byte[] json = Files.readAllBytes(GoldenCborWriter.SAMPLES.resolve("valid/telemetry-espresso-ready.json"));
        byte[] cbor = Files.readAllBytes(GoldenCborWriter.SAMPLES.resolve("valid/telemetry-espresso-ready.cbor"));

        double cborMicros = microsPerDecode(codec, cbor, Encoding.CBOR);
        double jsonMicros = microsPerDecode(codec, json, Encoding.JSON);

        System.out.printf("decodeTelemetry, 10 metrics: JSON %.1f µs (%d bytes), CBOR %.1f µs (%d bytes)%n",
                jsonMicros, json.length, cborMicros, cbor.length);
        assertThat(codec.decodeTelemetry(json, Encoding.JSON).metrics()).hasSize(10);
    }

    private static double microsPerDecode(MessageCodec codec, byte[] payload, Encoding encoding) {
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += codec.decodeTelemetry(payload, encoding).metrics().size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            Telemetry telemetry = codec.decodeTelemetry(payload, encoding);
            sink += telemetry.metrics().size();
        }
        long elapsed = System.nanoTime() - start;
        assertThat(sink).isEqualTo((WARM_UP + MEASURED) * 10);
        return elapsed / 1_000.0 / MEASURED;
    }
}
