package care.m2m.advisor.features;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipKind;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class UnusedEcoProgramGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final UnusedEcoProgramGenerator generator = new UnusedEcoProgramGenerator();

    @Test
    void cottonWashesWithEcoNeverTriedEarnATipWithAnAssumedSaving() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 8; day++) {
            h.wash(local(day, 9, 0), "cotton", 2000, 40);
        }

        Optional<Tip> tip = generator.generate(h.context(FLAT, 30));

        assertThat(tip).isPresent();
        assertThat(tip.get().kind()).isEqualTo(TipKind.UNUSED_FEATURE);
        assertThat(tip.get().benefit().kwhPerMonth()).isCloseTo(8 * 1.225 * 0.30 * 30.44 / 30, Offset.offset(0.01));
        assertThat(tip.get().confidence()).isLessThan(0.9);
    }

    @Test
    void oneEcoWashIsEnoughToStayQuiet() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 8; day++) {
            h.wash(local(day, 9, 0), day == 3 ? "eco_40_60" : "cotton", 2000, 40);
        }

        assertThat(generator.generate(h.context(FLAT, 30))).isEmpty();
    }
}
