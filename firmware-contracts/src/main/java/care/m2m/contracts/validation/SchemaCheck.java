package care.m2m.contracts.validation;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One compiled JSON Schema (draft 2020-12) that reports failures as {@link Violation}s in the contract's own
 * words ({@code $.metrics.x: expected number, got string "hot"}) instead of the validator's messages. The
 * published schema files stay the single source of truth; this class only loads them once and translates.
 * Thread-safe: compile once, share.
 */
public final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_PATH)
                    .locale(Locale.ROOT)
                    .build()));

    private final String name;
    private final Schema schema;

    private SchemaCheck(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * Loads and compiles a schema from the class path.
     *
     * @param resource class path resource, for example {@code care/m2m/contracts/v1/schemas/telemetry.schema.json}
     * @throws IllegalStateException if the resource is missing: a packaging error, not a runtime condition
     */
    public static SchemaCheck fromClasspath(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the class path: " + resource);
            }
            Schema schema = REGISTRY.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return new SchemaCheck(resource, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    /** Every violation of the schema by {@code instance}; empty when it conforms. */
    public List<Violation> check(JsonNode instance) {
        List<com.networknt.schema.Error> errors = schema.validate(instance);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(errors.size());
        for (com.networknt.schema.Error error : errors) {
            Violation violation = SchemaWords.toViolation(error);
            if (!violations.contains(violation)) {
                violations.add(violation);
            }
        }
        return List.copyOf(violations);
    }

    @Override
    public String toString() {
        return "SchemaCheck[" + name + "]";
    }
}
