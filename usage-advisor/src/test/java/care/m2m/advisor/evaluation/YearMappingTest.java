package care.m2m.advisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

class YearMappingTest {

    @Test
    void theFirstRecordedMondayLandsOnTheSameIsoWeeksMondayOfThePriceYear() {
        LocalDate first = LocalDate.of(2016, 1, 11);

        LocalDate mapped = YearMapping.isoWeekAligned(first, 2022).apply(first);

        assertThat(mapped).isEqualTo(LocalDate.of(2022, 1, 10));
        assertThat(mapped.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(mapped.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(2);
    }

    @Test
    void everyLaterDateKeepsItsWeekday() {
        YearMapping mapping = YearMapping.isoWeekAligned(LocalDate.of(2016, 1, 11), 2023);
        LocalDate late = LocalDate.of(2016, 5, 27);

        assertThat(mapping.apply(late).getDayOfWeek()).isEqualTo(late.getDayOfWeek());
        assertThat(mapping.apply(late)).isEqualTo(LocalDate.of(2023, 5, 26));
    }
}
