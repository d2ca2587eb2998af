package care.m2m.sim.behaviour;

import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * What every simulated product shares: the simulated clock advanced in small steps (so that a large jump at a
 * high speed factor integrates the same physics as many small ones), the local time of day that drives usage,
 * the seeded random source and the bookkeeping of the one active fault.
 */
abstract class BehaviourBase implements ProductBehaviour {

    /** The longest physics step in simulated seconds. */
    static final double MAX_STEP_SECONDS = 5;
    /** A fault whose symptom never shows (the product is idle) is still found by the firmware's self-test. */
    static final double SELF_TEST_SECONDS = 900;
    static final double ROOM_TEMP_C = 21;

    private static final String POWER = "power_w";
    private static final String ENERGY = "energy_wh_total";
    private double saving;
    private double energyAtTip;
    protected final DeviceModel model;
    protected final Random random;
    private final ZoneId zone;
    private Instant now;
    private String fault;
    private double faultSeconds;

    BehaviourBase(DeviceModel model, Instant start, ZoneId zone, Random random) {
        this.model = Objects.requireNonNull(model, "model");
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public final void advanceTo(Instant time) {
        double total = Duration.between(now, time).toNanos() / 1e9;
        if (total <= 0) {
            return;
        }
        int steps = (int) Math.ceil(total / MAX_STEP_SECONDS);
        double dt = total / steps;
        Instant start = now;
        for (int i = 1; i <= steps; i++) {
            now = start.plusNanos((long) (total * 1e9 * i / steps));
            if (fault != null) {
                faultSeconds += dt;
            }
            step(dt);
        }
        now = time;
    }

    /** Advances the physics by {@code dt} simulated seconds, ending at {@link #now()}. */
    protected abstract void step(double dt);

    @Override
    public final Map<String, MetricValue> readings() {
        Readings readings = new Readings(model);
        report(readings);
        Map<String, MetricValue> values = readings.map();
        return saving > 0 ? saved(values) : values;
    }

    @Override
    public final void followTip(double share) {
        if (saving == 0 && share > 0) {
            MetricValue energy = readings().get(ENERGY);
            energyAtTip = energy instanceof MetricValue.Num n ? n.value() : 0;
            saving = share;
        }
    }

    /** Power and the energy used since the tip, lowered by the share the followed tip saves. */
    private Map<String, MetricValue> saved(Map<String, MetricValue> values) {
        Map<String, MetricValue> adjusted = new LinkedHashMap<>(values);
        if (values.get(POWER) instanceof MetricValue.Num power) {
            adjusted.put(POWER, MetricValue.of(Math.round(power.value() * (1 - saving) * 10) / 10.0));
        }
        if (values.get(ENERGY) instanceof MetricValue.Num energy && energy.value() >= energyAtTip) {
            adjusted.put(ENERGY, MetricValue.of(energyAtTip + (energy.value() - energyAtTip) * (1 - saving)));
        }
        return adjusted;
    }

    /** Puts every metric of the model into {@code readings}. */
    protected abstract void report(Readings readings);

    @Override
    public Optional<String> activeFault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public final void injectFault(String code) {
        if (model.fault(code).isEmpty()) {
            throw new IllegalArgumentException("model " + model.id() + " has no fault " + code);
        }
        fault = code;
        faultSeconds = 0;
        faultStarted(code);
    }

    @Override
    public final void clearFault() {
        String old = fault;
        fault = null;
        faultSeconds = 0;
        if (old != null) {
            faultCleared(old);
        }
    }

    @Override
    public final boolean faultNoticed() {
        return fault != null && (symptomVisible(fault, faultSeconds) || faultSeconds >= SELF_TEST_SECONDS);
    }

    /** The fault's physics start: for example a customer starts a wash so that a drain fault can show. */
    protected abstract void faultStarted(String code);

    /** The fault is gone; normal control resumes. */
    protected abstract void faultCleared(String code);

    /** True when firmware sees the fault's symptom; {@code seconds} is how long the fault has been active. */
    protected abstract boolean symptomVisible(String code, double seconds);

    protected boolean hasFault(String code) {
        return code.equals(fault);
    }

    /** Simulated seconds since the active fault started; 0 without a fault. */
    protected double faultSeconds() {
        return faultSeconds;
    }

    protected boolean hasAnyFault() {
        return fault != null;
    }

    /** Local time of day in hours, 0 to 24. */
    protected double hourOfDay() {
        ZonedDateTime local = now.atZone(zone);
        return local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
    }

    protected boolean weekend() {
        return now.atZone(zone).getDayOfWeek().getValue() >= 6;
    }

    /** A Poisson event with {@code perHour} expected occurrences per hour, during {@code dt} seconds. */
    protected boolean chance(double perHour, double dt) {
        return perHour > 0 && random.nextDouble() < 1 - Math.exp(-perHour * dt / 3600);
    }

    protected double noise(double sigma) {
        return random.nextGaussian() * sigma;
    }

    protected double uniform(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    /** First-order lag: {@code value} moves towards {@code target} with time constant {@code tau} seconds. */
    protected static double approach(double value, double target, double tau, double dt) {
        return target + (value - target) * Math.exp(-dt / tau);
    }

    /** A smooth daily swing: -1 at {@code coldestHour}, +1 twelve hours later. */
    protected double dailyWave(double coldestHour) {
        return -Math.cos(2 * Math.PI * (hourOfDay() - coldestHour) / 24);
    }

    protected static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
