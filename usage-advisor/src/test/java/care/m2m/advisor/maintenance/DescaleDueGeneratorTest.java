package care.m2m.advisor.maintenance;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipKind;
import care.m2m.advisor.tips.TipPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescaleDueGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final DescaleDueGenerator generator = new DescaleDueGenerator();

    /** Hard water, five drinks a day for ten days, ending at {@code cupsSince} drinks since descaling. */
    private static SyntheticHistory coffee(double hardness, int cupsSince) {
        SyntheticHistory h = SyntheticHistory.of("coffee-espresso-x1");
        for (int day = 0; day <= 10; day++) {
            h.value("brew_count_total", local(day, 8, 0), 1000 + 5 * day)
                    .value("cups_since_descale", local(day, 8, 0), cupsSince - 5 * (10 - day))
                    .value("water_hardness_dh", local(day, 8, 0), hardness);
        }
        return h;
    }

    @Test
    void hardWaterAndAnIntervalReachedWithinTwoWeeksEarnADescaleTip() {
        Optional<Tip> tip = generator.generate(coffee(18, 170).context(FLAT, 11));

        assertThat(tip).isPresent();
        assertThat(tip.get().kind()).isEqualTo(TipKind.MAINTENANCE_DUE);
        assertThat(tip.get().evidence().figures()).containsEntry("interval_cups", 200.0);
        assertThat(tip.get().advice()).contains("within 6 days");
        assertThat(TipPolicy.DEFAULT.accepts(tip.get())).isTrue();
    }

    @Test
    void theSameCountInSoftWaterIsNotDueYet() {
        assertThat(generator.generate(coffee(5, 170).context(FLAT, 11))).isEmpty();
    }

    @Test
    void harderWaterMeansShorterIntervals() {
        assertThat(DescaleDueGenerator.intervalCups(5)).isGreaterThan(DescaleDueGenerator.intervalCups(12));
        assertThat(DescaleDueGenerator.intervalCups(12)).isGreaterThan(DescaleDueGenerator.intervalCups(25));
    }
}
