package care.m2m.advisor.shifting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartPlannerTest {

    /** Slot prices 0.30 except a cheap stretch; everything up to slot {@code known} is published. */
    private static SlotPrices prices(int cheapFrom, int cheapTo, int known) {
        return new SlotPrices() {
            @Override
            public double price(int slot) {
                return slot >= cheapFrom && slot < cheapTo ? 0.10 : 0.30;
            }

            @Override
            public int knownUntil(int decisionSlot) {
                return known;
            }
        };
    }

    @Test
    void theBlockMovesIntoTheCheapHoursWithinItsWindow() {
        LoadProfile cycle = LoadProfile.contiguous(500, 500);

        Optional<Placement> plan = StartPlanner.cheapest(cycle, 0, 20, 0, prices(10, 14, 100), SlotCapacity.UNLIMITED);

        assertThat(plan).contains(new Placement(10, 0.10));
    }

    @Test
    void pricesNotYetPublishedAreNotUsed() {
        LoadProfile cycle = LoadProfile.contiguous(500, 500);

        Optional<Placement> plan = StartPlanner.cheapest(cycle, 0, 20, 0, prices(10, 14, 8), SlotCapacity.UNLIMITED);

        assertThat(plan).contains(new Placement(0, 0.30));
    }

    @Test
    void theBlockMustFinishByTheDeadline() {
        LoadProfile cycle = LoadProfile.contiguous(500, 500, 500);

        Optional<Placement> plan = StartPlanner.cheapest(cycle, 0, 12, 0, prices(10, 14, 100), SlotCapacity.UNLIMITED);

        assertThat(plan.orElseThrow().start()).isEqualTo(9);
    }

    @Test
    void equalPricesKeepTheEarliestStart() {
        LoadProfile cycle = LoadProfile.contiguous(500);

        Optional<Placement> plan = StartPlanner.cheapest(cycle, 3, 20, 3, prices(0, 0, 100), SlotCapacity.UNLIMITED);

        assertThat(plan.orElseThrow().start()).isEqualTo(3);
    }

    @Test
    void aStartTheCapacityRefusesIsSkipped() {
        LoadProfile cycle = LoadProfile.contiguous(500);

        Optional<Placement> plan = StartPlanner.cheapest(cycle, 0, 20, 0, prices(10, 12, 100),
                (profile, start) -> start != 10);

        assertThat(plan.orElseThrow().start()).isEqualTo(11);
    }
}
