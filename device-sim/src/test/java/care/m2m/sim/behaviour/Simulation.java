package care.m2m.sim.behaviour;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.DeviceModels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Predicate;

/** Test helper: drives one simulated product through simulated time and samples it like firmware would. */
final class Simulation {

    static final Instant MONDAY_MIDNIGHT = Instant.parse("2025-01-13T00:00:00Z");

    final DeviceModel model;
    final ProductBehaviour product;

    Simulation(String modelId, long seed, Instant start) {
        this.model = DeviceModels.builtIn().require(modelId);
        this.product = Behaviours.create(model, start, ZoneOffset.UTC, seed);
    }

    Simulation(String modelId, long seed) {
        this(modelId, seed, MONDAY_MIDNIGHT.plus(Duration.ofHours(10)));
    }

    Map<String, MetricValue> step(Duration by) {
        product.advanceTo(product.now().plus(by));
        return product.readings();
    }

    /** Samples every {@code every} until {@code condition} holds or {@code limit} passes; true if it held. */
    boolean runUntil(Predicate<Map<String, MetricValue>> condition, Duration every, Duration limit) {
        Instant end = product.now().plus(limit);
        while (product.now().isBefore(end)) {
            if (condition.test(step(every))) {
                return true;
            }
        }
        return false;
    }

    static double num(Map<String, MetricValue> readings, String metric) {
        return ((MetricValue.Num) readings.get(metric)).value();
    }

    static String text(Map<String, MetricValue> readings, String metric) {
        return ((MetricValue.Text) readings.get(metric)).value();
    }

    static boolean bool(Map<String, MetricValue> readings, String metric) {
        return ((MetricValue.Bool) readings.get(metric)).value();
    }
}
