package care.m2m.advisor.shifting;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.cycles.CycleDetector;
import care.m2m.advisor.tariff.DayAheadPublication;
import care.m2m.advisor.tariff.PriceSeries;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import care.m2m.advisor.tips.TipKind;
import care.m2m.advisor.tips.TipPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShiftCyclesGeneratorTest {

    private static final TimeOfUseTariff DAY_NIGHT = TimeOfUseTariff.dayNight(0.40, 0.25);
    private final ShiftCyclesGenerator washer = new ShiftCyclesGenerator(ShiftableLoad.WASHING);

    @Test
    void washesAtTheEveningPeakEarnATipWorthTheirNightTimeSaving() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 10; day++) {
            h.wash(local(day, 18, 0), "cotton", 2000, 40);
        }

        Optional<Tip> tip = washer.generate(h.context(DAY_NIGHT, 14));

        assertThat(tip).isPresent();
        assertThat(tip.get().kind()).isEqualTo(TipKind.SHIFT_TO_CHEAP_HOURS);
        // weekdays only are peak: 8 washes of 1.225 kWh at 0.15 EUR/kWh less, over 14 days
        double expectedPerMonth = 8 * 1.225 * 0.15 * 30.44 / 14;
        assertThat(tip.get().benefit().eurPerMonth()).isCloseTo(expectedPerMonth, org.assertj.core.data.Offset.offset(0.01));
        assertThat(tip.get().evidence().figures()).containsEntry("cycles", 10.0).containsEntry("cycles_cheaper_later", 8.0);
        assertThat(TipPolicy.DEFAULT.accepts(tip.get())).isTrue();
    }

    @Test
    void washesAlreadyInCheapHoursGetNoTip() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 10; day++) {
            h.wash(local(day, 22, 30), "cotton", 2000, 40);
        }

        assertThat(washer.generate(h.context(DAY_NIGHT, 14))).isEmpty();
    }

    @Test
    void twoWashesAreTooFewToAdviseOn() {
        SyntheticHistory h = SyntheticHistory.of("washer-front-w7");
        h.wash(local(0, 18, 0), "cotton", 2000, 40).wash(local(1, 18, 0), "cotton", 2000, 40);

        assertThat(washer.generate(h.context(DAY_NIGHT, 14))).isEmpty();
    }

    @Test
    void tomorrowsCheapHourCountsOnlyOnceItsPriceIsPublished() {
        ShiftableLoad overnight = new ShiftableLoad("washing_machine", "wash cycles", Optional.empty(),
                new CycleDetector(50, Duration.ofMinutes(10), Duration.ofMinutes(20)), 16);
        ShiftCyclesGenerator generator = new ShiftCyclesGenerator(overnight);
        PriceSeries prices = flatWithCheapNights();
        SyntheticHistory morning = SyntheticHistory.of("washer-front-w7");
        SyntheticHistory afternoon = SyntheticHistory.of("washer-front-w7");
        for (int day = 0; day < 5; day++) {
            morning.wash(local(day, 10, 0), "cotton", 2000, 40);
            afternoon.wash(local(day, 14, 0), "cotton", 2000, 40);
        }

        assertThat(generator.generate(morning.context(prices, 7))).isEmpty();
        assertThat(generator.generate(afternoon.context(prices, 7))).isPresent();
    }

    /** 0.30 EUR/kWh, except 0.05 from 02:00 to 05:00 every night. */
    private static PriceSeries flatWithCheapNights() {
        Map<Instant, Double> hourly = new HashMap<>();
        for (int day = 0; day < 9; day++) {
            for (int hour = 0; hour < 24; hour++) {
                hourly.put(local(day, hour, 0), hour >= 2 && hour < 5 ? 0.05 : 0.30);
            }
        }
        return PriceSeries.of(hourly, DayAheadPublication.BELGIUM);
    }
}
