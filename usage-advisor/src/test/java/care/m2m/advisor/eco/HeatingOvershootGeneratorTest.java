package care.m2m.advisor.eco;

import static care.m2m.advisor.SyntheticHistory.local;
import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.SyntheticHistory;
import care.m2m.advisor.tariff.TimeOfUseTariff;
import care.m2m.advisor.tips.Tip;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class HeatingOvershootGeneratorTest {

    private static final TimeOfUseTariff FLAT = TimeOfUseTariff.dayNight(0.30, 0.30);
    private final HeatingOvershootGenerator generator = new HeatingOvershootGenerator();

    /** Ten days of heating at setpoint 21 °C, the rooms at {@code indoorC}, 20 kWh of electricity a day. */
    private static SyntheticHistory heating(double indoorC) {
        SyntheticHistory h = SyntheticHistory.of("heatpump-air-w9");
        h.state("state", local(0, 0, 0), "heating").value("setpoint_c", local(0, 0, 0), 21);
        for (int day = 0; day <= 10; day++) {
            h.value("energy_wh_total", local(day, 0, 0), 1_000_000 + day * 20_000.0);
            for (int hour = 0; hour < 24; hour++) {
                h.value("indoor_temp_c", local(day, hour, 5), indoorC);
            }
        }
        return h;
    }

    @Test
    void roomsWarmerThanAskedEarnALowerHeatingCurveTip() {
        Optional<Tip> tip = generator.generate(heating(22.6).context(FLAT, 10));

        assertThat(tip).isPresent();
        // 1 step: 6% of 200 kWh in 10 days
        assertThat(tip.get().benefit().kwhPerMonth()).isCloseTo(0.06 * 200 * 30.44 / 10, Offset.offset(0.01));
    }

    @Test
    void roomsAtTheSetpointGetNoTip() {
        assertThat(generator.generate(heating(21.3).context(FLAT, 10))).isEmpty();
    }
}
