package care.m2m.advisor.evaluation;

import care.m2m.advisor.tariff.PriceSeries;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation run: the recorded house mapped onto one price year, its flexible cycles, and the costs of
 * the recorded, advised and optimal schedules. Pure computation on loaded data, so the test can run it on a
 * slice.
 */
public final class Evaluation {

    /** The market's time zone: the Belgian prices are Brussels wall-clock hours. */
    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private Evaluation() {
    }

    public static YearResult run(List<Reading> readings, PriceSeries series, int priceYear, ShiftingRules rules) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("evaluation: expected recorded readings, got none");
        }
        SlotGrid grid = SlotGrid.startingAt(readings.getFirst().start());
        int slots = grid.slotOf(readings.getLast().start()) + 1 + (rules.flexHours() + 1) * ShiftingRules.SLOTS_PER_HOUR;
        YearMapping mapping = YearMapping.isoWeekAligned(readings.getFirst().start().toLocalDate(), priceYear);
        MappedPrices prices = MappedPrices.of(series, BRUSSELS, grid, mapping, slots);
        CycleExtraction.Result found = CycleExtraction.extract(readings, grid, rules);
        List<FlexibleCycle> cycles = new ArrayList<>();
        int unpriced = 0;
        for (FlexibleCycle cycle : found.cycles()) {
            if (Double.isNaN(cycle.profile().cost(prices, cycle.start()))) {
                unpriced++;
            } else {
                cycles.add(new FlexibleCycle(cycles.size(), cycle.start(), cycle.profile(), cycle.deadline()));
            }
        }
        double capacity = rules.slotCapacityWh();
        Schedule recorded = Schedule.recorded(cycles);
        Schedule advised = AdvisedSchedule.plan(cycles, prices, capacity, slots);
        Schedule optimum = ExactOptimum.solve(cycles, prices, capacity, slots, advised);
        List<String> violations = new ArrayList<>();
        violations.addAll(recorded.violations(capacity, slots).stream().map(v -> "recorded " + v).toList());
        violations.addAll(advised.violations(capacity, slots).stream().map(v -> "advised " + v).toList());
        violations.addAll(optimum.violations(capacity, slots).stream().map(v -> "optimum " + v).toList());
        double house = 0;
        for (Reading reading : readings) {
            double price = prices.price(grid.slotOf(reading.start()));
            house += Double.isNaN(price) ? 0 : reading.wattHours() / 1000.0 * price;
        }
        double flexibleKwh = cycles.stream().mapToDouble(c -> c.profile().totalWattHours()).sum() / 1000.0;
        return new YearResult(priceYear, readings.getFirst().start().toLocalDate(),
                mapping.apply(readings.getFirst().start().toLocalDate()),
                mapping.apply(readings.getLast().start().toLocalDate()), cycles.size(), found.tooPowerful(), unpriced,
                flexibleKwh, advised.shiftedWh() / 1000.0, optimum.shiftedWh() / 1000.0, recorded.costEur(prices),
                advised.costEur(prices), optimum.costEur(prices), house, List.copyOf(violations));
    }
}
