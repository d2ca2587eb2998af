package care.m2m.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.validation.ContractViolation;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes arrive, decoding ends in a ContractViolation, never in another exception, and never in the
 * codec's last-resort guard (which would mean an input the reader should have stopped got further).
 * Seeded, so a failure is reproducible; the seed is in the failure message.
 */
class HostileInputTest {

    private static final long SEED = 0x4D324D43L;
    private static final int RANDOM_ARRAYS = 1_000;
    private static final int MUTATIONS_PER_SAMPLE = 60;
    /** Bytes that mean something in CBOR or JSON structure: headers of maps, arrays, tags, floats, breaks. */
    private static final byte[] INTERESTING = {(byte) 0xA1, (byte) 0xBF, (byte) 0x9F, (byte) 0xFF, (byte) 0xC2,
            (byte) 0xC4, (byte) 0xD9, (byte) 0xF7, (byte) 0xF9, (byte) 0xFB, 0x5B, 0x7B, 0x7F, 0x1B, '{', '}', '[',
            ']', '"', '\\', ':', ',', '-', 'e', '0', (byte) 0xC3, 0x00};

    private final MessageCodec codec = MessageCodec.shared();
    private int attempts;

    @Test
    void random_byte_arrays_only_ever_yield_contract_violations() {
        Random random = new Random(SEED);
        for (int i = 0; i < RANDOM_ARRAYS; i++) {
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);
            if (random.nextBoolean() && payload.length > 0) {
                payload[0] = (byte) (random.nextBoolean() ? '{' : 0xA0 + random.nextInt(32));
            }
            decodeEverywhere(payload);
        }
        assertThat(attempts).isGreaterThanOrEqualTo(RANDOM_ARRAYS * 12);
    }

    @Test
    void mutated_golden_samples_only_ever_yield_contract_violations_or_messages() throws IOException {
        Random random = new Random(SEED + 1);
        for (byte[] sample : goldenSamples()) {
            for (int i = 0; i < MUTATIONS_PER_SAMPLE; i++) {
                decodeEverywhere(mutate(sample, random));
            }
        }
        assertThat(attempts).isGreaterThan(1_000);
    }

    @Test
    void deeply_nested_and_huge_declared_lengths_are_refused_quickly() {
        byte[] deepJson = ("{\"v\":1,\"data\":" + "[".repeat(10_000)).getBytes();
        byte[] deepCbor = new byte[10_000];
        Arrays.fill(deepCbor, (byte) 0x81);
        deepCbor[0] = (byte) 0xA1;
        byte[] hugeText = HexFormat.of().parseHex("a1617a7b7fffffffffffffff");
        byte[] hugeMap = HexFormat.of().parseHex("bb7fffffffffffffff");

        for (byte[] payload : List.of(deepJson, deepCbor, hugeText, hugeMap)) {
            decodeEverywhere(payload);
        }
    }

    private void decodeEverywhere(byte[] payload) {
        for (MessageType type : MessageType.values()) {
            for (Encoding encoding : Encoding.values()) {
                attempts++;
                try {
                    codec.decode(type, payload, encoding);
                } catch (ContractViolation e) {
                    assertThat(e.violations()).as("violations of %s", hex(payload)).isNotEmpty();
                    assertThat(e.violations()).as("guard reached for %s: %s", hex(payload), e.getMessage())
                            .noneMatch(v -> v.expected().equals(MessageCodec.UNREADABLE));
                } catch (RuntimeException | Error e) {
                    fail("seed " + SEED + ": " + type + "/" + encoding + " threw " + e + " for " + hex(payload), e);
                }
            }
        }
    }

    private static byte[] mutate(byte[] sample, Random random) {
        byte[] bytes = sample.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> bytes = Arrays.copyOf(bytes, at);
                case 3 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes[at] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }

    private static List<byte[]> goldenSamples() throws IOException {
        List<byte[]> samples = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(GoldenCborWriter.SAMPLES.resolve("valid"),
                "*.{json,cbor}")) {
            for (Path file : files) {
                samples.add(Files.readAllBytes(file));
            }
        }
        return samples;
    }

    private static String hex(byte[] payload) {
        String hex = HexFormat.of().formatHex(payload);
        return hex.length() <= 400 ? hex : hex.substring(0, 400) + "...";
    }
}
