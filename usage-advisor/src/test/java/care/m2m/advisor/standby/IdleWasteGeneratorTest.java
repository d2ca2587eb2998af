package care.m2m.advisor.standby;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipKind;
import care.m2m.advisor.tips.TipPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleWasteGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final IdleWasteGenerator generator = new IdleWasteGenerator();

    /** Every day: on at 07:00, a drink at 07:10, then kept hot at 80 W until {@code offHour}. */
    private static SyntheticHistory mornings(int offHour, int offMinute) {
        SyntheticHistory h = SyntheticHistory.of("coffee-espresso-x1");
        for (int day = 0; day < 14; day++) {
            h.state("state", local(day, 7, 0), "heating")
                    .state("state", local(day, 7, 2), "ready")
                    .state("state", local(day, 7, 10), "brewing")
                    .state("state", local(day, 7, 11), "ready")
                    .state("state", local(day, offHour, offMinute), "standby");
            h.power(local(day, 7, 11), Duration.between(local(day, 7, 11), local(day, offHour, offMinute)), 80);
        }
        return h;
    }

    @Test
    void aMachineKeptHotAllMorningEarnsAnAutoOffTipWorthTheMeasuredEnergy() {
        Optional<Tip> tip = generator.generate(mornings(12, 11).context(FLAT, 14));

        assertThat(tip).isPresent();
        assertThat(tip.get().kind()).isEqualTo(TipKind.IDLE_WASTE);
        // 4.5 h a day beyond the 30-minute auto-off at 80 W
        double kwhPerMonth = 4.5 * 0.080 * 30.44;
        assertThat(tip.get().benefit().kwhPerMonth()).isCloseTo(kwhPerMonth, org.assertj.core.data.Offset.offset(0.1));
        assertThat(tip.get().benefit().eurPerMonth()).isCloseTo(kwhPerMonth * 0.30, org.assertj.core.data.Offset.offset(0.05));
        assertThat(TipPolicy.DEFAULT.accepts(tip.get())).isTrue();
    }

    @Test
    void aMachineSwitchedOffSoonAfterTheDrinkGetsNoTip() {
        assertThat(generator.generate(mornings(7, 30).context(FLAT, 14))).isEmpty();
    }
}
