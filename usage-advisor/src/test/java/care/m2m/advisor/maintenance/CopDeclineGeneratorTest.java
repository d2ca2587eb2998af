package care.m2m.advisor.maintenance;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopDeclineGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final CopDeclineGenerator generator = new CopDeclineGenerator();

    /** 40 days, outdoor swinging between -2 and 10 °C; COP follows it and loses {@code lossPerDay}. */
    private static SyntheticHistory heatPump(double lossPerDay) {
        SyntheticHistory h = SyntheticHistory.of("heatpump-air-w9");
        for (int day = 0; day < 40; day++) {
            h.value("heat_wh_total", local(day, 0, 0), 5_000_000 + day * 60_000.0);
            for (int hour = 0; hour < 24; hour += 3) {
                double outdoor = 4 + 6 * Math.sin((day * 24 + hour) / 17.0);
                h.value("outdoor_temp_c", local(day, hour, 0), outdoor);
                h.value("cop", local(day, hour, 1), 3.2 + 0.08 * outdoor - lossPerDay * day);
            }
        }
        return h;
    }

    @Test
    void aCopFallingAtTheSameOutdoorTemperatureEarnsAServiceTip() {
        Optional<Tip> tip = generator.generate(heatPump(0.02).context(FLAT, 40));

        assertThat(tip).isPresent();
        assertThat(tip.get().evidence().figures().get("cop_then") - tip.get().evidence().figures().get("cop_now"))
                .isBetween(0.7, 0.9);
        assertThat(tip.get().benefit().kwhPerMonth()).isPositive();
    }

    @Test
    void aCopThatOnlyFollowsTheWeatherGetsNoTip() {
        assertThat(generator.generate(heatPump(0).context(FLAT, 40))).isEmpty();
    }
}
