package care.m2m.gateway.store.journal;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.TelemetryPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A telemetry point as one journal record's payload: device, model, epoch milliseconds, then each reading as
 * name, type byte and value. Texts are length-prefixed UTF-8, so no value length limit applies beyond the
 * journal's record size.
 */
final class JournalRecords {

    private static final byte NUMBER = 0;
    private static final byte BOOLEAN = 1;
    private static final byte TEXT = 2;

    private JournalRecords() {
    }

    static byte[] encode(TelemetryPoint point) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 24 * point.values().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeText(out, point.deviceId());
            writeText(out, point.model());
            out.writeLong(point.timestamp().toEpochMilli());
            out.writeInt(point.values().size());
            for (Map.Entry<String, MetricValue> reading : point.values().entrySet()) {
                writeText(out, reading.getKey());
                switch (reading.getValue()) {
                    case MetricValue.Num n -> {
                        out.writeByte(NUMBER);
                        out.writeDouble(n.value());
                    }
                    case MetricValue.Bool b -> {
                        out.writeByte(BOOLEAN);
                        out.writeBoolean(b.value());
                    }
                    case MetricValue.Text t -> {
                        out.writeByte(TEXT);
                        writeText(out, t.value());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the payload is not a point this class wrote */
    static TelemetryPoint decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String device = readText(in);
            String model = readText(in);
            Instant timestamp = Instant.ofEpochMilli(in.readLong());
            int count = in.readInt();
            if (count < 0 || count > payload.length) {
                throw new IllegalArgumentException("a journal record claims " + count + " readings");
            }
            Map<String, MetricValue> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readText(in);
                byte type = in.readByte();
                values.put(name, switch (type) {
                    case NUMBER -> MetricValue.of(in.readDouble());
                    case BOOLEAN -> MetricValue.of(in.readBoolean());
                    case TEXT -> MetricValue.of(readText(in));
                    default -> throw new IllegalArgumentException("unknown reading type " + type + " in a journal record");
                });
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException(in.available() + " bytes left over after a journal record");
            }
            return new TelemetryPoint(device, model, timestamp, values);
        } catch (IOException e) {
            throw new IllegalArgumentException("a journal record ends early: " + e.getMessage(), e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a journal record's text claims " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
