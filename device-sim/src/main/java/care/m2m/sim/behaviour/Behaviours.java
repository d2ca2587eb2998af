package care.m2m.sim.behaviour;

import care.m2m.contracts.models.DeviceModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;

/**
 * Creates the simulated product for a device model. Only the four built-in models have physics; a model added by
 * an operator has no simulation, and the simulator says so at start rather than sending made-up readings.
 */
public final class Behaviours {

    public static final String ESPRESSO = "coffee-espresso-x1";
    public static final String HEAT_PUMP = "heatpump-air-w9";
    public static final String WASHER = "washer-front-w7";
    public static final String CHARGER = "ev-charger-ac22";
    /** The model ids that have a simulation. */
    public static final Set<String> SIMULATED = Set.of(ESPRESSO, HEAT_PUMP, WASHER, CHARGER);

    private Behaviours() {
    }

    /**
     * Spreads neighbouring seeds apart (MurmurHash3's finaliser): {@link Random} with seeds 0, 1, 2 starts with
     * nearly equal numbers, which would give a fleet of near-identical products.
     */
    public static long mix(long seed) {
        long z = seed;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /**
     * @param start the simulated time the product starts at, which sets its time of day
     * @param zone  the time zone whose local time drives usage (breakfast, evening charging)
     * @param seed  the same seed gives the same product and the same day
     * @throws IllegalArgumentException for a model without a simulation
     */
    public static ProductBehaviour create(DeviceModel model, Instant start, ZoneId zone, long seed) {
        Random random = new Random(mix(seed));
        return switch (model.id()) {
            case ESPRESSO -> new CoffeeMachine(model, start, zone, random);
            case HEAT_PUMP -> new HeatPump(model, start, zone, random);
            case WASHER -> new WashingMachine(model, start, zone, random);
            case CHARGER -> new EvCharger(model, start, zone, random);
            default -> throw new IllegalArgumentException("no simulation for device model " + model.id()
                    + "; simulated models: " + String.join(", ", SIMULATED.stream().sorted().toList()));
        };
    }
}
