package care.m2m.gateway.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Coverage-guided fuzzing (Jazzer) of the JSON bodies of the admin and customer APIs, from raw request text
 * through {@link Json#object} to the named parser of each body. The only acceptable refusal is a 400
 * {@link Problem}; any other exception (a 500 in the running gateway) is a crash, which becomes a case in
 * {@link ApiBodyRegressionTest}. In the normal test run this replays the seeds under
 * {@code ApiBodyFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes for its time budget (docs/RELIABILITY.md).
 */
class ApiBodyFuzzTest {

    /** Each body parser as the routes call it; the index is the last byte of a seed. */
    static final java.util.List<Consumer<JsonObject>> PARSERS = java.util.List.of(
            DeviceRegistrationBody::of,
            CommandBody::of,
            TipStateBody::of,
            body -> PreferencesBody.of(body, "customer-fuzz"),
            UserBody::of);

    @FuzzTest(maxDuration = "30s")
    void apiBodiesOnlyEverRefuseWithA400Problem(FuzzedDataProvider data) {
        Consumer<JsonObject> parser = PARSERS.get(data.consumeInt(0, PARSERS.size() - 1));
        parseOrRefuse(parser, data.consumeRemainingAsString());
    }

    /** Parses as a route would; returns normally on success or a 400, throws anything else. */
    static void parseOrRefuse(Consumer<JsonObject> parser, String text) {
        try {
            parser.accept(Json.object(Buffer.buffer(text)));
        } catch (Problem problem) {
            if (problem.status() != 400) {
                throw new AssertionError("expected a 400 problem, got " + problem.status() + ": " + problem.getMessage(),
                        problem);
            }
        }
    }
}
