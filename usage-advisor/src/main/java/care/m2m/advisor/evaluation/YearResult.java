package care.m2m.advisor.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one evaluation run against one price year.
 *
 * @param priceYear the year whose prices were used
 * @param firstSourceDate first recorded date of the house
 * @param firstPriceDate the date it was mapped onto
 * @param lastPriceDate the date the last recorded day was mapped onto
 * @param cycles flexible cycles found
 * @param tooPowerful cycles left in place because their own peak is above the power limit
 * @param unpriced cycles left out because a recorded slot has no price in the mapped year
 * @param flexibleKwh flexible energy of all cycles
 * @param advisedShiftedKwh energy the advice moved
 * @param optimumShiftedKwh energy the optimum moved
 * @param recordedEur flexible energy's cost as recorded
 * @param advisedEur its cost following the advice
 * @param optimumEur its cost at the perfect-foresight optimum
 * @param houseEur cost of all recorded appliance energy as recorded, for scale
 * @param violations constraint violations of the three schedules; empty when all rules hold
 */
public record YearResult(int priceYear, LocalDate firstSourceDate, LocalDate firstPriceDate, LocalDate lastPriceDate,
                         int cycles, int tooPowerful, int unpriced, double flexibleKwh, double advisedShiftedKwh,
                         double optimumShiftedKwh, double recordedEur, double advisedEur, double optimumEur,
                         double houseEur, List<String> violations) {

    /** Money the advice saved as a share of what perfect foresight could save; 1 when nothing could be saved. */
    public double fractionOfOptimum() {
        double possible = recordedEur - optimumEur;
        return possible <= 0 ? 1.0 : (recordedEur - advisedEur) / possible;
    }
}
