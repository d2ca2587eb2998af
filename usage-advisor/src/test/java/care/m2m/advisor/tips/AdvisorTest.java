package care.m2m.advisor.tips;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisorTest {

    private static TipGenerator fixed(TipKind kind, double eurPerMonth, double confidence) {
        return new TipGenerator() {
            @Override
            public boolean appliesTo(Device device) {
                return true;
            }

            @Override
            public Optional<Tip> generate(AdvisorContext context) {
                return Optional.of(new Tip(kind, context.device().id(), new Evidence("seen", Map.of()), "do it",
                        Benefit.energy(0, eurPerMonth), confidence));
            }
        };
    }

    @Test
    void onlyTipsWorthItAndConfidentEnoughReachTheCustomerMostValuableFirst() {
        Advisor advisor = new Advisor(List.of(
                fixed(TipKind.IDLE_WASTE, 2.0, 0.9),
                fixed(TipKind.ECO_MODE, 0.2, 0.9),
                fixed(TipKind.UNUSED_FEATURE, 9.0, 0.3),
                fixed(TipKind.SHIFT_TO_CHEAP_HOURS, 5.0, 0.8)), TipPolicy.DEFAULT);
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");

        List<Tip> tips = advisor.advise(h.context(TimeOfUseTariff.dayNight(0.3, 0.2), 30));

        assertThat(tips).extracting(Tip::kind).containsExactly(TipKind.SHIFT_TO_CHEAP_HOURS, TipKind.IDLE_WASTE);
    }

    @Test
    void aQuietHistoryGivesNoTipsAtAll() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");

        assertThat(care.m2m.advisor.Generators.defaultAdvisor()
                .advise(h.context(TimeOfUseTariff.dayNight(0.3, 0.2), 30))).isEmpty();
    }

    @Test
    void aWasherRunAtThePeakWithCottonOnlyGetsTheShiftAndTheEcoTipAndNothingElse() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 12; day++) {
            h.wash(SyntheticHistory.local(day, 18, 0), "cotton", 2000, 40);
        }

        List<Tip> tips = care.m2m.advisor.Generators.defaultAdvisor()
                .advise(h.context(TimeOfUseTariff.dayNight(0.40, 0.25), 14));

        assertThat(tips).extracting(Tip::kind)
                .containsExactlyInAnyOrder(TipKind.SHIFT_TO_CHEAP_HOURS, TipKind.UNUSED_FEATURE);
        assertThat(tips).allSatisfy(t -> assertThat(t.deviceId()).isEqualTo(h.device().id()));
    }
}
