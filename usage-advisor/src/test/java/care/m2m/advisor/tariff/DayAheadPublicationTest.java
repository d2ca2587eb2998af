package care.m2m.advisor.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DayAheadPublicationTest {

    @Test
    void beforeOnePmOnlyTodaysPricesAreKnown() {
        Instant noonInBrussels = Instant.parse("2022-06-15T10:00:00Z");

        assertThat(DayAheadPublication.BELGIUM.knownUntil(noonInBrussels))
                .isEqualTo(Instant.parse("2022-06-15T22:00:00Z"));
    }

    @Test
    void fromOnePmTomorrowsPricesAreKnownToo() {
        Instant onePmInBrussels = Instant.parse("2022-06-15T11:00:00Z");

        assertThat(DayAheadPublication.BELGIUM.knownUntil(onePmInBrussels))
                .isEqualTo(Instant.parse("2022-06-16T22:00:00Z"));
    }

    @Test
    void inWinterOnePmIsNoonUtc() {
        assertThat(DayAheadPublication.BELGIUM.knownUntil(Instant.parse("2022-01-10T11:59:00Z")))
                .isEqualTo(Instant.parse("2022-01-10T23:00:00Z"));
        assertThat(DayAheadPublication.BELGIUM.knownUntil(Instant.parse("2022-01-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2022-01-11T23:00:00Z"));
    }
}
