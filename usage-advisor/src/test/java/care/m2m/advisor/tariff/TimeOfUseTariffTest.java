package care.m2m.advisor.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeOfUseTariffTest {

    private final TimeOfUseTariff dayNight = TimeOfUseTariff.dayNight(0.40, 0.25);

    @Test
    void weekdayDaytimeIsPeakAndNightIsOffPeak() {
        assertThat(dayNight.pricePerKwh(Instant.parse("2024-01-10T12:00:00Z"))).hasValue(0.40);
        assertThat(dayNight.pricePerKwh(Instant.parse("2024-01-10T22:30:00Z"))).hasValue(0.25);
        assertThat(dayNight.pricePerKwh(Instant.parse("2024-01-10T05:59:00Z"))).hasValue(0.25);
    }

    @Test
    void theWeekendIsOffPeakAllDay() {
        assertThat(dayNight.pricePerKwh(Instant.parse("2024-01-13T12:00:00Z"))).hasValue(0.25);
    }

    @Test
    void aTableIsKnownForEver() {
        assertThat(dayNight.knownUntil(Instant.parse("2024-01-10T12:00:00Z"))).isEqualTo(Instant.MAX);
    }
}
