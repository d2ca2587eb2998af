package care.m2m.sim.provision;

import java.util.List;
import java.util.Locale;

/**
 * Which devices a run wants: how many, which models (assigned round-robin) and how their ids are spelled, so that
 * the same command line names the same devices on every run.
 */
public record FleetPlan(int devices, List<String> models, String idPrefix) {

    private static final List<String> LOCATIONS = List.of("BE-1000", "NL-1012", "DE-10115", "FR-75001", "BE-9000",
            "NL-3511", "DE-80331", "LU-1009");

    public FleetPlan {
        if (devices < 1) {
            throw new IllegalArgumentException("at least one device is needed, got " + devices);
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        models = List.copyOf(models);
    }

    /** The id of the device with 1-based {@code index}, for example {@code sim-0001}. */
    public String deviceId(int index) {
        return String.format(Locale.ROOT, "%s-%04d", idPrefix, index);
    }

    /** The model of the device with 1-based {@code index}: the models in turn. */
    public String model(int index) {
        return models.get((index - 1) % models.size());
    }

    public AdminClient.Registration registration(int index) {
        return new AdminClient.Registration(deviceId(index), model(index),
                String.format(Locale.ROOT, "%s-cust-%04d", idPrefix, index),
                LOCATIONS.get((index - 1) % LOCATIONS.size()));
    }
}
