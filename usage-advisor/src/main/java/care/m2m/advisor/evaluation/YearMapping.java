package care.m2m.advisor.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * Puts the recorded house (2016) into a price year: every date moves by one constant number of days, chosen
 * so that the first recorded date lands on the same ISO week number and weekday in the price year. Weekdays
 * stay weekdays (household routines and price shapes both follow the week), consecutive days stay
 * consecutive, and the wall-clock time of day is kept.
 *
 * @param days the shift, in days
 */
public record YearMapping(long days) {

    /** The mapping of {@code firstSourceDate} onto the same ISO week and weekday of {@code priceYear}. */
    public static YearMapping isoWeekAligned(LocalDate firstSourceDate, int priceYear) {
        LocalDate target = firstSourceDate.with(IsoFields.WEEK_BASED_YEAR, priceYear);
        return new YearMapping(ChronoUnit.DAYS.between(firstSourceDate, target));
    }

    public LocalDateTime apply(LocalDateTime source) {
        return source.plusDays(days);
    }

    public LocalDate apply(LocalDate source) {
        return source.plusDays(days);
    }
}
