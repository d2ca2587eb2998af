package care.m2m.gateway.value;

import care.m2m.gateway.diagnosis.Fault;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weighs faults by money and emotion with weights from {@code value-matrix.json}: the gateway's documented
 * defaults, replaced by {@code <M2MCARE_MODELS_DIR>/value-matrix.json} when that file exists. Per model, the
 * {@code models} entry overrides the {@code defaults} (product value, downtime cost, heating, safety faults,
 * policy); per customer segment, {@code segments} scales money and adds emotion. Pure and thread-safe.
 */
public final class ValueMatrix {

    public static final String FILE_NAME = "value-matrix.json";
    static final String RESOURCE = "/care/m2m/gateway/value/" + FILE_NAME;

    private final JsonObject json;
    private final double moneyThreshold;
    private final double emotionThreshold;
    private final Map<Priority, Duration> sla = new EnumMap<>(Priority.class);

    private ValueMatrix(JsonObject json, String source) {
        this.json = json;
        try {
            JsonObject thresholds = json.getJsonObject("thresholds");
            this.moneyThreshold = thresholds.getDouble("monetary");
            this.emotionThreshold = thresholds.getDouble("emotional");
            JsonObject slas = json.getJsonObject("sla");
            for (Priority p : Priority.values()) {
                sla.put(p, Duration.parse(slas.getString(p.name())));
            }
            for (Quadrant q : Quadrant.values()) {
                policy(q, json.getJsonObject("policy"));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": expected thresholds.monetary/emotional, sla.P1..P4"
                    + " (ISO-8601 durations) and policy.A..D: " + e.getMessage(), e);
        }
        List<String> models = new ArrayList<>(json.getJsonObject("models", new JsonObject()).fieldNames());
        models.add("(defaults)");
        for (String model : models) {
            JsonObject w = weights(model);
            for (String key : REQUIRED_NUMBERS) {
                if (!(w.getValue(key) instanceof Number)) {
                    throw new IllegalArgumentException(source + ": " + key + " of " + model + ": expected a number,"
                            + " got " + w.getValue(key));
                }
            }
            for (String key : List.of("downtimeHours", "severityEmotion")) {
                if (!(w.getValue(key) instanceof JsonObject)) {
                    throw new IllegalArgumentException(source + ": " + key + " of " + model + ": expected an object"
                            + " by severity such as {\"MAJOR\": 24}, got " + w.getValue(key));
                }
            }
        }
    }

    private static final List<String> REQUIRED_NUMBERS = List.of("productValue", "productShare",
            "downtimeCostPerHour", "coldOutdoorC", "perHourAffected", "maxHoursAffected");

    /** The file in {@code modelsDir} when there is one, else the built-in defaults. */
    public static ValueMatrix load(Optional<Path> modelsDir) {
        Optional<Path> file = modelsDir.map(d -> d.resolve(FILE_NAME)).filter(Files::exists);
        try {
            if (file.isPresent()) {
                return parse(Files.readString(file.get()), file.get().toString());
            }
            try (InputStream in = ValueMatrix.class.getResourceAsStream(RESOURCE)) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the value matrix: " + e.getMessage(), e);
        }
    }

    static ValueMatrix parse(String text, String source) {
        try {
            return new ValueMatrix(new JsonObject(text), source);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(source + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    /** The SLA of a priority: the ticket is due this long after it was opened. */
    public Duration sla(Priority priority) {
        return sla.get(priority);
    }

    /** The outside-temperature metric of a model, used to read the excerpt; null when it has none. */
    public String outdoorMetric(String model) {
        return weights(model).getString("outdoorMetric");
    }

    public ValueAssessment assess(ValueContext ctx) {
        Fault fault = ctx.fault();
        JsonObject w = weights(fault.model());
        JsonObject segment = json.getJsonObject("segments", new JsonObject())
                .getJsonObject(ctx.customer().segment(), new JsonObject());
        List<String> reasons = new ArrayList<>();
        String severity = fault.severity().name();

        double product = w.getDouble("productValue") * w.getDouble("productShare");
        double hours = w.getJsonObject("downtimeHours").getDouble(severity, 0.0);
        double factor = segment.getDouble("moneyFactor", 1.0);
        double monetary = (product + w.getDouble("downtimeCostPerHour") * hours) * factor;
        reasons.add("money %.0f: product value share %.0f + downtime %.1f/h x %.0f h%s".formatted(monetary, product,
                w.getDouble("downtimeCostPerHour"), hours, factor == 1.0 ? "" : " x segment factor " + factor));

        double emotional = w.getJsonObject("severityEmotion").getDouble(severity, 0.0);
        reasons.add("severity " + severity + ": emotion +" + fmt(emotional));
        if (w.getJsonArray("safetyFaults", new JsonArray()).contains(fault.code())) {
            emotional += add(reasons, w, "safety", fault.code() + " is a safety fault");
        }
        if (w.getBoolean("heating", false)) {
            int month = ctx.now().atZone(ZoneOffset.UTC).getMonthValue();
            boolean winter = w.getJsonArray("winterMonths", new JsonArray()).contains(month);
            Double outdoor = ctx.outdoorTempC();
            boolean cold = outdoor != null && outdoor < w.getDouble("coldOutdoorC");
            if (winter || cold) {
                emotional += add(reasons, w, "cold", "heating fault " + (cold ? "at " + outdoor + " °C outside"
                        : "in the heating season (month " + month + ")"));
            }
        }
        if (ctx.customer().vulnerable()) {
            emotional += add(reasons, w, "vulnerable", "the customer is marked vulnerable");
        }
        if (ctx.seenBefore() || fault.occurrences() > 1 || fault.flapCount() > 0) {
            emotional += add(reasons, w, "repeat", "the device had " + fault.code() + " before");
        }
        double affected = Math.min(w.getDouble("maxHoursAffected"),
                Math.max(0, Duration.between(fault.firstSeen(), ctx.now()).toMinutes() / 60.0));
        if (affected >= 1) {
            double extra = affected * w.getDouble("perHourAffected");
            emotional += extra;
            reasons.add("affected for %.0f h: emotion +%s".formatted(affected, fmt(extra)));
        }
        double bonus = segment.getDouble("emotionBonus", 0.0);
        if (bonus != 0) {
            emotional += bonus;
            reasons.add("segment " + ctx.customer().segment() + ": emotion +" + fmt(bonus));
        }
        boolean highMoney = monetary >= moneyThreshold;
        boolean highEmotion = emotional >= emotionThreshold;
        Quadrant quadrant = Quadrant.of(highMoney, highEmotion);
        QuadrantPolicy policy = policy(quadrant, mergedPolicy(fault.model()));
        reasons.add("quadrant %s: money %.0f %s %.0f, emotion %s %s %s".formatted(quadrant, monetary,
                highMoney ? ">=" : "<", moneyThreshold, fmt(emotional), highEmotion ? ">=" : "<", fmt(emotionThreshold)));
        return new ValueAssessment(monetary, emotional, quadrant, policy, sla(policy.priority()), reasons);
    }

    private static double add(List<String> reasons, JsonObject w, String weight, String why) {
        double value = w.getDouble(weight, 0.0);
        reasons.add(why + ": emotion +" + fmt(value));
        return value;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }

    private JsonObject weights(String model) {
        JsonObject merged = json.getJsonObject("defaults", new JsonObject()).copy();
        merged.mergeIn(json.getJsonObject("models", new JsonObject()).getJsonObject(model, new JsonObject()));
        return merged;
    }

    private JsonObject mergedPolicy(String model) {
        JsonObject merged = json.getJsonObject("policy").copy();
        JsonObject own = json.getJsonObject("models", new JsonObject()).getJsonObject(model, new JsonObject())
                .getJsonObject("policy", new JsonObject());
        merged.mergeIn(own, true);
        return merged;
    }

    private static QuadrantPolicy policy(Quadrant q, JsonObject policies) {
        JsonObject p = policies.getJsonObject(q.name());
        if (p == null) {
            throw new IllegalArgumentException("policy." + q + " is missing");
        }
        return new QuadrantPolicy(p.getBoolean("ticketOnRaise", false), p.getBoolean("ticketOnEscalation", true),
                Priority.valueOf(p.getString("priority", "P3")));
    }
}
