package care.m2m.advisor.maintenance;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrainSlowingGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final DrainSlowingGenerator generator = new DrainSlowingGenerator();

    @Test
    void aDrainTimeRisingWeekAfterWeekEarnsAFilterTip() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 30; day++) {
            h.value("drain_time_s", local(day, 10, 0), 60 + 2.0 * day + (day % 3 - 1) * 3);
        }

        Optional<Tip> tip = generator.generate(h.context(FLAT, 30));

        assertThat(tip).isPresent();
        assertThat(tip.get().advice()).contains("drain filter");
        assertThat(tip.get().evidence().figures().get("slope_s_per_day")).isBetween(1.8, 2.2);
    }

    @Test
    void aSteadyNoisyDrainTimeGetsNoTip() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 30; day++) {
            h.value("drain_time_s", local(day, 10, 0), 60 + (day % 5 - 2) * 6);
        }

        assertThat(generator.generate(h.context(FLAT, 30))).isEmpty();
    }
}
