package care.m2m.gateway.diagnosis.rules;

import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.diagnosis.rules.FaultRule.Type;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fault rules of every known model, read from {@code <model-id>.rules.json} next to the model profiles
 * (built in: {@code care/m2m/contracts/models/} on the class path; extra or replacing files: the models
 * folder). A rule file that does not parse, or names a metric the model lacks, stops the start with a
 * message naming the file and the rule.
 */
public final class RuleBook {

    public static final String RESOURCE_DIR = "care/m2m/contracts/models/";
    /** Fault codes the gateway itself raises, valid for every model. */
    public static final List<String> GATEWAY_FAULTS = List.of("DEVICE_SILENT", "ANOMALY");

    private final Map<String, ModelRules> byModel;

    private RuleBook(Map<String, ModelRules> byModel) {
        this.byModel = Map.copyOf(byModel);
    }

    public static RuleBook load(ModelCatalog models, Optional<Path> modelsDir) {
        Map<String, ModelRules> byModel = new HashMap<>();
        for (DeviceModel model : models.all()) {
            String file = model.id() + ".rules.json";
            Optional<String> text = modelsDir.map(d -> d.resolve(file)).filter(Files::exists).map(RuleBook::read)
                    .or(() -> resource(RESOURCE_DIR + file));
            text.ifPresent(t -> byModel.put(model.id(), parse(model, file, t)));
        }
        return new RuleBook(byModel);
    }

    public ModelRules forModel(String model) {
        return byModel.getOrDefault(model, ModelRules.none(model));
    }

    static ModelRules parse(DeviceModel model, String file, String text) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
        }
        Duration verify = duration(json, "verify", ModelRules.DEFAULT_VERIFY_WINDOW, file);
        Duration flap = duration(json, "flapWindow", ModelRules.DEFAULT_FLAP_WINDOW, file);
        JsonArray rules = json.getJsonArray("rules", new JsonArray());
        List<FaultRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String where = file + " rules[" + i + "]";
            try {
                parsed.add(rule(model, rules.getJsonObject(i), verify, where));
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        Duration cooldown = duration(json, "repairCooldown", ModelRules.DEFAULT_REPAIR_COOLDOWN, file);
        int attempts = json.getInteger("repairAttempts", ModelRules.DEFAULT_REPAIR_ATTEMPTS);
        if (attempts < 0) {
            throw new IllegalArgumentException(file + ": repairAttempts: expected 0 or more, got " + attempts);
        }
        Map<String, LadderPolicy> ladders = new HashMap<>();
        JsonObject ladder = json.getJsonObject("ladder", new JsonObject());
        for (String code : ladder.fieldNames()) {
            String where = file + " ladder." + code;
            if (model.fault(code).isEmpty() && !GATEWAY_FAULTS.contains(code)) {
                throw new IllegalArgumentException(where + ": expected a fault code of model " + model.id());
            }
            ladders.put(code, ladderPolicy(ladder.getJsonObject(code), attempts, cooldown, where));
        }
        return new ModelRules(model.id(), parsed, verify, flap, attempts, cooldown, ladders);
    }

    private static FaultRule rule(DeviceModel model, JsonObject r, Duration defaultVerify, String where) {
        String fault = r.getString("fault");
        if (fault == null || (model.fault(fault).isEmpty() && !GATEWAY_FAULTS.contains(fault))) {
            throw new IllegalArgumentException("fault: expected a fault code of model " + model.id()
                    + " or one of " + GATEWAY_FAULTS + ", got " + fault);
        }
        Type type = Type.valueOf(r.getString("type", "threshold").toUpperCase());
        Condition condition = type == Type.SILENCE ? null : condition(model, r);
        Condition when = r.containsKey("when") ? condition(model, r.getJsonObject("when")) : null;
        Condition clear = r.containsKey("clear")
                ? condition(model, r.getJsonObject("clear").copy().put("metric", r.getString("metric"))) : null;
        Duration hold = duration(r, type == Type.SILENCE ? "after" : type == Type.REPEATED ? "within" : "for", Duration.ZERO, where);
        return new FaultRule(fault, type, condition, when, clear, hold, r.getInteger("count", 0),
                duration(r, "verify", defaultVerify, where), r.getString("description"));
    }

    private static LadderPolicy ladderPolicy(JsonObject entry, int attempts, Duration cooldown, String where) {
        EnumSet<LadderPolicy.Rung> rungs = EnumSet.noneOf(LadderPolicy.Rung.class);
        for (Object rung : entry.getJsonArray("rungs", new JsonArray().add("repair").add("tip").add("ticket"))) {
            try {
                rungs.add(LadderPolicy.Rung.valueOf(String.valueOf(rung).toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".rungs: expected repair, tip or ticket, got " + rung, e);
            }
        }
        return new LadderPolicy(rungs, entry.getInteger("repairAttempts", attempts),
                duration(entry, "repairCooldown", cooldown, where));
    }

    private static Condition condition(DeviceModel model, JsonObject c) {
        String metric = c.getString("metric");
        if (metric == null || model.metric(metric).isEmpty()) {
            throw new IllegalArgumentException("metric: expected a metric of model " + model.id() + ", got " + metric);
        }
        Object value = c.getValue("value");
        if (value == null) {
            throw new IllegalArgumentException("value: required for metric " + metric);
        }
        return new Condition(metric, Condition.Op.parse(c.getString("op")), value);
    }

    private static Duration duration(JsonObject json, String field, Duration fallback, String where) {
        String text = json.getString(field);
        if (text == null) {
            return fallback;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + field + ": expected an ISO-8601 duration such as PT30S, got " + text);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + name, e);
        }
    }
}
