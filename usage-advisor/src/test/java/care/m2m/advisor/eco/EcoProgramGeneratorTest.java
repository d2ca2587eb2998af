package care.m2m.advisor.eco;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;

class EcoProgramGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final EcoProgramGenerator generator = new EcoProgramGenerator();

    /** Cotton washes heat at {@code cottonW} for 30 minutes, eco washes at {@code ecoW}. */
    private static SyntheticHistory washes(double cottonW, double ecoW, double cottonWaterC) {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 6; day++) {
            h.wash(local(day, 9, 0), "cotton", cottonW, cottonWaterC);
            h.wash(local(day, 15, 0), "eco_40_60", ecoW, 38);
        }
        return h;
    }

    @Test
    void whenTheCustomersOwnEcoWashesUseLessTheTipIsTheMeasuredDifference() {
        Optional<Tip> tip = generator.generate(washes(2000, 1000, 60).context(FLAT, 30));

        assertThat(tip).isPresent();
        assertThat(tip.get().kind()).isEqualTo(TipKind.ECO_MODE);
        // 0.5 kWh less per wash, 6 cotton washes in 30 days
        assertThat(tip.get().benefit().kwhPerMonth()).isCloseTo(0.5 * 6 * 30.44 / 30, Offset.offset(0.01));
        assertThat(tip.get().evidence().figures()).containsEntry("cotton_washes", 6.0);
    }

    @Test
    void noTipWhenEcoUsesAsMuch() {
        assertThat(generator.generate(washes(1500, 1500, 60).context(FLAT, 30))).isEmpty();
    }

    @Test
    void boilWashesAreNotComparedWithEco() {
        assertThat(generator.generate(washes(2000, 1000, 90).context(FLAT, 30))).isEmpty();
    }
}
