package care.m2m.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import care.m2m.gateway.tips.Preferences;
import care.m2m.gateway.tips.TipRecord;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API body parsers: inputs that once ended in a 500 (found while fuzzing, kept here with the input), the
 * happy paths, and a short seeded mutation run in every build (the long coverage-guided run is
 * {@link ApiBodyFuzzTest} by hand).
 */
class ApiBodyRegressionTest {

    private static final List<String> SEEDS = List.of(
            "{\"id\":\"espresso-0001\",\"model\":\"coffee-espresso-x1\",\"customerRef\":\"c-1\",\"location\":\"kitchen\"}",
            "{\"action\":\"descale\",\"params\":{\"level\":2},\"ttlSeconds\":600}",
            "{\"state\":\"dismissed\"}",
            "{\"channels\":[\"device\",\"web\"],\"quietStart\":\"22:00\",\"quietEnd\":\"07:00\","
                    + "\"timeZone\":\"Europe/Brussels\",\"maxPerWeek\":3,\"optedOut\":false}",
            "{\"username\":\"anna\",\"role\":\"customer\",\"password\":\"correct-horse-battery\",\"customerRef\":\"c-1\"}");

    /**
     * Index of the parser in {@link ApiBodyFuzzTest#PARSERS}, then a body that the inline parsing in the routes
     * answered with a 500 before the parsers were extracted (a ClassCastException or NullPointerException from
     * {@code JsonObject.getJsonObject/getInteger/getJsonArray/getString}).
     */
    @ParameterizedTest(name = "parser {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1|{\"action\":\"descale\",\"params\":1}",
            "1|{\"action\":\"descale\",\"ttlSeconds\":\"soon\"}",
            "3|{\"channels\":\"web\"}"})
    void bodiesThatEndedInA500AreNowA400(int parser, String body) {
        assertRefusedWith400(parser, body);
    }

    @ParameterizedTest(name = "parser {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1|{\"action\":\"descale\",\"ttlSeconds\":1e300}",
            "1|{\"action\":\"descale\",\"ttlSeconds\":1.5}",
            "3|{\"quietStart\":7}",
            "3|{\"maxPerWeek\":\"many\"}",
            "3|{\"maxPerWeek\":99}",
            "3|{\"optedOut\":\"yes\"}",
            "3|{\"timeZone\":\"Mars/Olympus\"}",
            "4|{\"username\":\"anna\",\"role\":\"king\",\"password\":\"correct-horse-battery\"}",
            "4|{\"username\":\"a\",\"role\":\"operator\",\"password\":\"correct-horse-battery\"}",
            "0|null",
            "0|[1,2]",
            "0|\"text\"",
            "0|",
            "0|{\"model\":7}",
            "2|{\"state\":[\"read\"]}"})
    void wrongKindsOfValuesAreA400(int parser, String body) {
        assertRefusedWith400(parser, body == null ? "" : body);
    }

    private static void assertRefusedWith400(int parser, String body) {
        assertThatThrownBy(() -> ApiBodyFuzzTest.PARSERS.get(parser).accept(Json.object(Buffer.buffer(body))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void validBodiesParseToWhatTheySay() {
        assertThat(CommandBody.of(new JsonObject(SEEDS.get(1))).ttl().toSeconds()).isEqualTo(600);
        assertThat(TipStateBody.of(new JsonObject(SEEDS.get(2)))).isEqualTo(TipRecord.State.DISMISSED);
        Preferences preferences = PreferencesBody.of(new JsonObject(SEEDS.get(3)), "c-1");
        assertThat(preferences.quietStart()).isEqualTo(LocalTime.of(22, 0));
        assertThat(preferences.maxPerWeek()).isEqualTo(3);
        assertThat(PreferencesBody.of(new JsonObject(), "c-1")).isEqualTo(Preferences.defaults("c-1"));
        assertThat(PreferencesBody.of(new JsonObject("{\"quietStart\":null}"), "c-1").quietStart())
                .as("null, which ended in a 500 before, now means the default").isEqualTo(Preferences.DEFAULT_QUIET_START);
        assertThat(UserBody.of(new JsonObject(SEEDS.get(4))).customerRef()).isEqualTo("c-1");
        assertThat(UserBody.of(new JsonObject(SEEDS.get(4))).toString()).doesNotContain("correct-horse-battery");
    }

    @Test
    void twentyThousandMutatedBodiesOnlyEverGetA400() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            int parser = random.nextInt(ApiBodyFuzzTest.PARSERS.size());
            String body = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
            Consumer<JsonObject> target = ApiBodyFuzzTest.PARSERS.get(parser);
            assertThatNoException().as("parser %d on %s", parser, body)
                    .isThrownBy(() -> ApiBodyFuzzTest.parseOrRefuse(target, body));
        }
    }

    /** Replaces values with values of other JSON kinds, drops and duplicates characters. */
    private static String mutate(Random random, String seed) {
        List<String> values = List.of("null", "true", "-1", "0", "1e300", "\"\"", "[]", "{}", "[null]", "\"x\"",
                "99999999999", "\"25:61\"", "1.5", "\"\\u0000\"");
        StringBuilder out = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<Integer> colons = new ArrayList<>();
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == ':') {
                    colons.add(i);
                }
            }
            int kind = random.nextInt(4);
            if (kind < 2 && !colons.isEmpty()) {
                int at = colons.get(random.nextInt(colons.size())) + 1;
                int end = valueEnd(out, at);
                out.replace(at, end, values.get(random.nextInt(values.size())));
            } else if (kind == 2 && out.length() > 1) {
                out.deleteCharAt(random.nextInt(out.length()));
            } else {
                int at = random.nextInt(out.length() + 1);
                String inserts = "{}[]\",:0 \\";
                out.insert(at, inserts.charAt(random.nextInt(inserts.length())));
            }
        }
        return out.toString();
    }

    private static int valueEnd(CharSequence text, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }
}
