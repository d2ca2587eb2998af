package care.m2m.sim.load;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.behaviour.ProductBehaviour;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contract-valid JSON telemetry for the load generator, encoded once and stamped per message. The readings come
 * from the real product simulations (snapshots a few minutes of each model's physics apart), encoded by the contract
 * codec with a placeholder time; sending a message only overwrites the 13 digits of {@code "ts"} with the send time
 * in epoch milliseconds, so the generator spends no time encoding and the server still parses and validates a
 * realistic 8-14 metric message. A device keeps one snapshot for the whole run: a benchmark device sends far more
 * often than a product does, and changing readings milliseconds apart would trip the gateway's rate-of-change rules
 * and turn a throughput benchmark into a fault storm.
 */
public final class PayloadTemplates {

    /** Thirteen digits, like every epoch millisecond time between 2001 and 2286. */
    private static final long PLACEHOLDER_MS = 1_111_111_111_111L;
    private static final byte[] PLACEHOLDER = ("\"ts\":" + PLACEHOLDER_MS).getBytes(StandardCharsets.US_ASCII);
    private static final int VARIANTS = 32;

    private final Map<String, List<Template>> byModel = new HashMap<>();

    /** One encoded message and where its time digits are. */
    public record Template(byte[] bytes, int timeOffset) {

        /** A copy stamped with {@code epochMillis} (13 digits). */
        public byte[] stamped(long epochMillis) {
            byte[] copy = bytes.clone();
            long value = epochMillis;
            for (int i = timeOffset + 12; i >= timeOffset; i--) {
                copy[i] = (byte) ('0' + (value % 10));
                value /= 10;
            }
            return copy;
        }
    }

    public PayloadTemplates(ModelCatalog models, List<String> modelIds, long seed) {
        MessageCodec codec = MessageCodec.shared();
        for (String id : modelIds) {
            DeviceModel model = models.require(id);
            Instant start = Instant.parse("2026-01-15T07:00:00Z");
            ProductBehaviour product = Behaviours.create(model, start, ZoneOffset.UTC, seed ^ id.hashCode());
            List<Template> templates = new ArrayList<>();
            for (int i = 0; i < VARIANTS; i++) {
                product.advanceTo(start.plus(Duration.ofMinutes(3L * i)));
                Telemetry telemetry = new Telemetry(Instant.ofEpochMilli(PLACEHOLDER_MS), null, null,
                        product.readings());
                templates.add(template(codec.encode(telemetry, Encoding.JSON)));
            }
            byModel.put(id, List.copyOf(templates));
        }
    }

    /** The {@code n}-th snapshot of a model (wrapping around): give each device its own {@code n}. */
    public Template of(String modelId, long n) {
        List<Template> templates = byModel.get(modelId);
        if (templates == null) {
            throw new IllegalArgumentException("no templates for model '" + modelId + "'");
        }
        return templates.get((int) Math.floorMod(n, templates.size()));
    }

    private static Template template(byte[] encoded) {
        for (int i = 0; i + PLACEHOLDER.length <= encoded.length; i++) {
            if (Arrays.equals(encoded, i, i + PLACEHOLDER.length, PLACEHOLDER, 0, PLACEHOLDER.length)) {
                return new Template(encoded, i + PLACEHOLDER.length - 13);
            }
        }
        throw new IllegalStateException("the codec did not write \"ts\" as epoch milliseconds: "
                + new String(encoded, StandardCharsets.UTF_8));
    }
}
