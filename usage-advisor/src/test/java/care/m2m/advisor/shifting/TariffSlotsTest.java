package care.m2m.advisor.shifting;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.advisor.tariff.DayAheadPublication;
import care.m2m.advisor.tariff.PriceSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TariffSlotsTest {

    private static final Instant ORIGIN = Instant.parse("2024-01-07T23:00:00Z");

    private static PriceSeries twoDays() {
        Map<Instant, Double> hourly = new HashMap<>();
        for (int hour = 0; hour < 48; hour++) {
            hourly.put(ORIGIN.plus(Duration.ofHours(hour)), hour / 100.0);
        }
        return PriceSeries.of(hourly, DayAheadPublication.BELGIUM);
    }

    @Test
    void everyQuarterHourTakesThePriceOfItsHour() {
        TariffSlots slots = new TariffSlots(twoDays(), ORIGIN, Duration.ofMinutes(15));

        assertThat(slots.price(0)).isEqualTo(0.0);
        assertThat(slots.price(7)).isEqualTo(0.01);
        assertThat(slots.slotOf(ORIGIN.plus(Duration.ofMinutes(31)))).isEqualTo(2);
        assertThat(slots.price(48 * 4)).isNaN();
    }

    @Test
    void theKnownHorizonFollowsThePublicationAtOnePmBrusselsTime() {
        TariffSlots slots = new TariffSlots(twoDays(), ORIGIN, Duration.ofMinutes(15));

        assertThat(slots.knownUntil(12 * 4 + 3)).isEqualTo(24 * 4);
        assertThat(slots.knownUntil(13 * 4)).isEqualTo(48 * 4);
    }
}
