package care.m2m.contracts.codec;

import care.m2m.contracts.topics.MessageType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the binary golden samples: the CBOR twin of every valid JSON sample (decoded and re-encoded by the
 * codec, so it is exactly what a conforming encoder produces) and the hand-made broken CBOR samples. Run it
 * from the module folder after changing a sample, and commit the result:
 * {@code java -cp target/classes:target/test-classes:<deps> care.m2m.contracts.codec.GoldenCborWriter}.
 * {@code GoldenSamplesTest} fails while a CBOR twin is missing or stale.
 */
public final class GoldenCborWriter {

    /** Sample folder of contract v1, relative to the module folder. */
    public static final Path SAMPLES = Path.of("src/main/resources/care/m2m/contracts/v1/samples");

    private GoldenCborWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path samples = args.length > 0 ? Path.of(args[0]) : SAMPLES;
        for (Map.Entry<Path, byte[]> file : expectedFiles(samples).entrySet()) {
            Files.write(file.getKey(), file.getValue());
            System.out.println("wrote " + file.getKey() + " (" + file.getValue().length + " bytes)");
        }
    }

    /** Every CBOR sample file and the bytes it must hold. */
    public static Map<Path, byte[]> expectedFiles(Path samples) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        MessageCodec codec = MessageCodec.shared();
        Path valid = samples.resolve("valid");
        try (DirectoryStream<Path> jsonFiles = Files.newDirectoryStream(valid, "*.json")) {
            for (Path json : jsonFiles) {
                files.put(twin(json), cborTwin(codec, json));
            }
        }
        Path invalid = samples.resolve("invalid");
        byte[] ready = cborTwin(codec, valid.resolve("telemetry-espresso-ready.json"));
        files.put(invalid.resolve("telemetry-truncated.cbor"), Arrays.copyOf(ready, ready.length - 7));
        byte[] minimal = cborTwin(codec, valid.resolve("telemetry-minimal.json"));
        byte[] trailing = Arrays.copyOf(minimal, minimal.length + 1);
        trailing[minimal.length] = 0x01;
        files.put(invalid.resolve("telemetry-trailing-data.cbor"), trailing);
        files.put(invalid.resolve("telemetry-byte-string.cbor"), firmwareAsByteString());
        return files;
    }

    static Path twin(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".cbor");
    }

    static MessageType typeOfSample(String fileName) {
        return Arrays.stream(MessageType.values())
                .filter(type -> fileName.startsWith(MessageCodec.schemaName(type) + "-"))
                .max((a, b) -> MessageCodec.schemaName(a).length() - MessageCodec.schemaName(b).length())
                .orElseThrow(() -> new IllegalArgumentException("sample name without a type prefix: " + fileName));
    }

    private static byte[] cborTwin(MessageCodec codec, Path json) throws IOException {
        Object message = codec.decode(typeOfSample(json.getFileName().toString()), Files.readAllBytes(json),
                Encoding.JSON);
        return codec.encode(message, Encoding.CBOR);
    }

    /** A telemetry map whose "fw" is a CBOR byte string, something JSON cannot carry. */
    private static byte[] firmwareAsByteString() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator cbor = new CBORFactory().createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeNumberField("v", 1);
            cbor.writeBinaryField("fw", new byte[] {1, 4, 2});
            cbor.writeObjectFieldStart("metrics");
            cbor.writeStringField("state", "ready");
            cbor.writeEndObject();
            cbor.writeEndObject();
        }
        return out.toByteArray();
    }
}
