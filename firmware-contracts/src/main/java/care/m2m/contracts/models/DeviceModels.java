package care.m2m.contracts.models;

import care.m2m.contracts.validation.JsonPath;
import care.m2m.contracts.validation.SchemaCheck;
import care.m2m.contracts.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads device-model profiles from their JSON files: the built-in ones shipped in this jar (listed in
 * {@code models/index.txt}), plus any an operator drops into a folder. Every file is checked against
 * {@code model.schema.json} and for internal consistency, so a typo fails at start-up, not at the first fault.
 */
public final class DeviceModels {

    /** Class path folder of the built-in model files and their schema. */
    public static final String FOLDER = "care/m2m/contracts/models/";
    /** Class path of the index: one built-in model id per line, {@code #} starts a comment. */
    public static final String INDEX = FOLDER + "index.txt";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DeviceModels() {
    }

    /** The models shipped with this contract version; read once. */
    public static ModelCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /**
     * The built-in models plus every {@code *.json} file directly in {@code dir}. A file whose model id equals a
     * built-in one replaces it, which lets an operator correct a profile without a new release.
     *
     * @throws InvalidModelException if a file is broken or two files define the same id
     * @throws UncheckedIOException if the folder cannot be read
     */
    /** Fault-rule files live next to the model files; they are the gateway's, not models. */
    public static final String RULES_SUFFIX = ".rules.json";

    public static ModelCatalog load(Path dir) {
        Map<String, DeviceModel> models = new LinkedHashMap<>();
        builtIn().all().forEach(model -> models.put(model.id(), model));
        Map<String, Path> fromFolder = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                if (file.getFileName().toString().endsWith(RULES_SUFFIX)) {
                    continue;
                }
                DeviceModel model = read(Files.readAllBytes(file), file.toString());
                Path previous = fromFolder.putIfAbsent(model.id(), file);
                if (previous != null) {
                    throw new InvalidModelException(file.toString(), List.of(new Violation("$.id",
                            "an id no other file in the folder uses", model.id() + " (also in " + previous + ")")));
                }
                models.put(model.id(), model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read device models from " + dir, e);
        }
        return ModelCatalog.of(models.values());
    }

    /**
     * Reads one model file.
     *
     * @param json the file content, UTF-8 JSON
     * @param source where it came from, for error messages
     * @throws InvalidModelException if it is not valid JSON, breaks the model schema or is inconsistent
     */
    public static DeviceModel read(byte[] json, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidModelException(source, List.of(new Violation(JsonPath.ROOT, "a JSON object",
                    e.getOriginalMessage())));
        }
        List<Violation> violations = ModelSchema.CHECK.check(tree);
        if (!violations.isEmpty()) {
            throw new InvalidModelException(source, violations);
        }
        try {
            return ModelReader.read(tree);
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(source, List.of(new Violation(JsonPath.ROOT, "a consistent model",
                    e.getMessage())));
        }
    }

    private static ModelCatalog readBuiltIn() {
        List<DeviceModel> models = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                String file = FOLDER + id + ".json";
                DeviceModel model = read(resource(file).getBytes(StandardCharsets.UTF_8), file);
                if (!model.id().equals(id)) {
                    throw new InvalidModelException(file, List.of(new Violation("$.id", id, model.id())));
                }
                models.add(model);
            }
        }
        return ModelCatalog.of(models);
    }

    private static String resource(String name) {
        try (InputStream in = DeviceModels.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static final class ModelSchema {
        static final SchemaCheck CHECK = SchemaCheck.fromClasspath(FOLDER + "model.schema.json");
    }

    private static final class BuiltIn {
        static final ModelCatalog CATALOG = readBuiltIn();
    }
}
