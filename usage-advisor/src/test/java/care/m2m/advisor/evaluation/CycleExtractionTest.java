package care.m2m.advisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleExtractionTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2016, 1, 11, 17, 0);
    private static final SlotGrid GRID = SlotGrid.startingAt(T0);

    private static Reading at(int minutes, double wh) {
        return new Reading(T0.plusMinutes(minutes), wh);
    }

    @Test
    void highReadingsCloseTogetherFormOneCycleOfTheirEnergyAboveBase() {
        List<Reading> readings = List.of(at(0, 50), at(10, 300), at(30, 400), at(40, 60));

        CycleExtraction.Result result = CycleExtraction.extract(readings, GRID, ShiftingRules.DEFAULTS);

        assertThat(result.cycles()).hasSize(1);
        FlexibleCycle cycle = result.cycles().getFirst();
        assertThat(cycle.start()).isEqualTo(1);
        assertThat(cycle.profile().lengthSlots()).isEqualTo(3);
        assertThat(cycle.profile().totalWattHours()).isEqualTo(240 + 340);
        assertThat(cycle.deadline()).isEqualTo(cycle.end() + 8 * 6);
    }

    @Test
    void aGapLongerThanThirtyMinutesSplitsCycles() {
        List<Reading> readings = List.of(at(0, 300), at(40, 300));

        assertThat(CycleExtraction.extract(readings, GRID, ShiftingRules.DEFAULTS).cycles()).hasSize(2);
    }

    @Test
    void aCycleAboveThePowerLimitStaysInPlace() {
        List<Reading> readings = List.of(at(0, 900));

        CycleExtraction.Result result = CycleExtraction.extract(readings, GRID, ShiftingRules.DEFAULTS);

        assertThat(result.cycles()).isEmpty();
        assertThat(result.tooPowerful()).isEqualTo(1);
    }

    @Test
    void baseLoadAloneIsNoCycle() {
        List<Reading> readings = List.of(at(0, 60), at(10, 120), at(20, 190));

        assertThat(CycleExtraction.extract(readings, GRID, ShiftingRules.DEFAULTS).cycles()).isEmpty();
    }
}
