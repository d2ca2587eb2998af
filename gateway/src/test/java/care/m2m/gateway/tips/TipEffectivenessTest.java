package care.m2m.gateway.tips;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.effect.EffectEstimate;
import care.m2m.advisor.effect.Holdout;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.config.GatewayConfig.SqlSettings;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.embedded.EmbeddedTelemetryStore;
import care.m2m.gateway.tips.TipRecord.Source;
import care.m2m.gateway.tips.TipRecord.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement on the gateway's real stores: tips (delivered and held out) in the records database,
 * energy counters in the telemetry store, customers who follow the tip with a known probability and saving;
 * the measured effect recovers the simulated one within its interval.
 */
class TipEffectivenessTest {

    private static final Duration WINDOW = Duration.ofDays(7);

    @TempDir
    Path dir;

    @Test
    void theMeasuredEffectOfATipRecoversTheSimulatedFollowRateTimesSaving() {
        double follow = 0.5;
        double saving = 0.2;
        Instant tipAt = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(8));
        Holdout holdout = new Holdout(0.3);
        Random random = new Random(5);
        try (RecordsDatabase db = RecordsDatabase.open(new SqlSettings(Optional.empty(), "", "", 2), dir);
                EmbeddedTelemetryStore store = new EmbeddedTelemetryStore(dir)) {
            TipStore tips = new TipStore(db);
            for (int i = 0; i < 160; i++) {
                String device = "espresso-" + i;
                boolean held = holdout.heldOut(device, "idle_waste");
                tips.insert(new TipRecord("tip-" + i, device, "cust-" + i, "idle_waste", "t", "x", 5.0, 1.5, "e",
                        Source.ADVISOR, held ? State.HELD_OUT : State.DELIVERED, null, tipAt, tipAt, held ? null : tipAt, tipAt));
                double perDay = 1500 * (1 + 0.25 * random.nextGaussian());
                boolean follows = !held && random.nextDouble() < follow;
                store.write(counter(device, tipAt, perDay, follows ? perDay * (1 - saving) : perDay, random));
            }

            Optional<EffectEstimate> estimate = new TipEffectiveness(tips, store)
                    .measure("idle_waste", "energy_wh_total", WINDOW, Instant.now());

            assertThat(estimate).hasValueSatisfying(e -> {
                assertThat(e.control()).isBetween(30, 70);
                assertThat(e.relativeEffect()).isBetween(-0.15, -0.05);
                assertThat(e.low()).isLessThan(-follow * saving * 1500);
                assertThat(e.high()).isGreaterThan(-follow * saving * 1500);
                assertThat(e.significant()).isTrue();
            });
        }
    }

    /** A daily energy counter over the week before and the week after the tip, with a little noise. */
    private static List<TelemetryPoint> counter(String device, Instant tipAt, double before, double after, Random random) {
        List<TelemetryPoint> points = new ArrayList<>();
        double total = 10_000;
        for (int day = -7; day <= 7; day++) {
            points.add(new TelemetryPoint(device, "coffee-espresso-x1", tipAt.plus(Duration.ofDays(day)).plusSeconds(day == 0 ? 60 : 0),
                    Map.of("energy_wh_total", MetricValue.of(total))));
            total += (day < 0 ? before : after) * (1 + 0.05 * random.nextGaussian());
        }
        return points;
    }
}
