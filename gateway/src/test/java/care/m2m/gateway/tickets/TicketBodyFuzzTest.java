package care.m2m.gateway.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.api.Json;
import care.m2m.gateway.api.Problem;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing (Jazzer) of the ticket API's bodies (transition and outcome) from raw request text:
 * the only acceptable refusal is a 400 {@link Problem}. The normal test run replays the seeds and checks the
 * parsers' answers; {@code JAZZER_FUZZ=1} fuzzes (docs/RELIABILITY.md).
 */
class TicketBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void ticketBodiesOnlyEverRefuseWithA400Problem(FuzzedDataProvider data) {
        boolean transition = data.consumeBoolean();
        try {
            JsonObject body = Json.object(Buffer.buffer(data.consumeRemainingAsString()));
            if (transition) {
                TicketBodies.transition(body);
            } else {
                TicketBodies.outcome(body);
            }
        } catch (Problem problem) {
            if (problem.status() != 400) {
                throw new AssertionError("expected a 400 problem, got " + problem.status(), problem);
            }
        }
    }

    @Test
    void validBodiesParseAndWrongOnesAreA400NamingTheField() {
        assertThat(TicketBodies.transition(new JsonObject("{\"to\":\"IN_PROGRESS\"}"))).isEqualTo(Ticket.Status.IN_PROGRESS);
        assertThat(TicketBodies.outcome(new JsonObject("{\"outcome\":\"PART_REPLACED\",\"note\":\"pump\"}")))
                .isEqualTo(new TicketBodies.OutcomeBody(Ticket.Outcome.PART_REPLACED, "pump"));
        assertThatThrownBy(() -> TicketBodies.transition(new JsonObject("{\"to\":7}")))
                .isInstanceOf(Problem.class).hasMessageStartingWith("to: expected one of");
        assertThatThrownBy(() -> TicketBodies.outcome(new JsonObject("{\"outcome\":\"FIXED_ON_SITE\",\"note\":[1]}")))
                .isInstanceOf(Problem.class).hasMessageStartingWith("note: expected text");
        assertThatThrownBy(() -> TicketBodies.outcome(new JsonObject("{\"outcome\":\"FIXED_ON_SITE\",\"note\":\""
                + "x".repeat(513) + "\"}"))).isInstanceOf(Problem.class).hasMessageContaining("513 characters");
    }
}
