package care.m2m.sim.behaviour;

import care.m2m.contracts.models.DeviceModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

/**
 * An espresso machine in a household or small office: a timer switches it on in the morning, cups are wanted
 * mostly at breakfast and lunch, the boiler heats to about 93 °C and brewing runs the pump at 9 bar. Scale builds
 * with every cup (faster with hard water) and slowly lowers the brewing pressure until a descaling cycle.
 */
final class CoffeeMachine extends BehaviourBase {

    enum State { OFF, STANDBY, HEATING, READY, BREWING, DESCALING, ERROR }

    static final String OVERHEAT = "E_BOILER_OVERHEAT";
    static final String PUMP_LOW = "E_PUMP_PRESSURE_LOW";
    static final String GRINDER_JAM = "E_GRINDER_JAM";
    static final String TEMP_SENSOR = "E_TEMP_SENSOR";
    static final String DESCALE_DUE = "W_DESCALE_DUE";
    static final String TANK_EMPTY = "E_WATER_TANK_EMPTY";

    private static final double BREW_TEMP_C = 93;
    private static final double HEATER_W = 1350;
    private static final double HEAT_CAPACITY_J_PER_K = 3200;
    private static final double LOSS_W_PER_K = 8;
    private static final double CUP_ML = 40;
    private static final double GRIND_SECONDS = 8;
    private static final double TANK_FULL_ML = 2900;

    private State state;
    private double boilerTemp;
    private double tankMl;
    private final double hardness;
    private final double usage;
    private final double wakeHour;
    private final double sleepHour;
    private double cupsSinceDescale;
    private double brewCount;
    private double energyWh;
    private int pendingCups;
    private double brewElapsed;
    private double brewDuration;
    private double idleSeconds;
    private double refillIn;
    private boolean jammed;
    private double power;
    private double pressure;
    private double grinderAmps;
    private double lastBrewPressure = 9;

    CoffeeMachine(DeviceModel model, Instant start, ZoneId zone, Random random) {
        super(model, start, zone, random);
        hardness = uniform(6, 24);
        usage = uniform(0.6, 1.5);
        wakeHour = uniform(6.0, 7.5);
        sleepHour = uniform(21.0, 23.0);
        cupsSinceDescale = Math.floor(uniform(0, 200));
        brewCount = Math.floor(uniform(500, 8000)) + cupsSinceDescale;
        energyWh = uniform(20_000, 400_000);
        tankMl = uniform(1200, TANK_FULL_ML);
        boolean on = hourOfDay() >= wakeHour && hourOfDay() < sleepHour;
        state = on ? State.READY : State.OFF;
        boilerTemp = on ? BREW_TEMP_C : ROOM_TEMP_C;
    }

    @Override
    protected void step(double dt) {
        double h = hourOfDay();
        boolean onHours = h >= wakeHour && h < sleepHour;
        if (pendingCups < 3 && chance(cupsPerHour(h) * usage, dt)) {
            pendingCups++;
        }
        power = 0;
        pressure = 0;
        grinderAmps = 0;
        double tempBefore = boilerTemp;
        switch (state) {
            case OFF -> {
                idle(0.3, dt);
                if (pendingCups > 0 || (h >= wakeHour && h < wakeHour + 0.1)) {
                    state = State.HEATING;
                }
            }
            case STANDBY -> {
                idle(1.5, dt);
                if (pendingCups > 0) {
                    state = State.HEATING;
                } else if (!onHours) {
                    state = State.OFF;
                }
            }
            case HEATING -> heat(dt);
            case READY -> ready(onHours, dt);
            case BREWING -> brew(dt);
            case DESCALING -> {
                power = 250;
                pressure = 1.5 + noise(0.2);
                boilerTemp = approach(boilerTemp, 70, 120, dt);
                tankMl = Math.max(0, tankMl - 0.4 * dt);
            }
            case ERROR -> idle(2, dt);
        }
        applyFaults(tempBefore, dt);
        if (tankMl < 300 && !hasFault(TANK_EMPTY) && chance(1.5, dt)) {
            tankMl = uniform(2500, TANK_FULL_ML);
        }
        energyWh += power * dt / 3600;
    }

    private void idle(double watts, double dt) {
        power = watts;
        boilerTemp = approach(boilerTemp, ROOM_TEMP_C, 2400, dt);
    }

    private void heat(double dt) {
        power = HEATER_W;
        boilerTemp += (HEATER_W - LOSS_W_PER_K * (boilerTemp - ROOM_TEMP_C)) / HEAT_CAPACITY_J_PER_K * dt;
        if (boilerTemp >= BREW_TEMP_C - 1) {
            state = State.READY;
            idleSeconds = 0;
        }
    }

    private void ready(boolean onHours, double dt) {
        if (boilerTemp > BREW_TEMP_C + 2) {
            power = 2;
            boilerTemp = approach(boilerTemp, ROOM_TEMP_C, 900, dt);
        } else {
            power = 35 + Math.abs(noise(15));
            boilerTemp = approach(boilerTemp, BREW_TEMP_C + noise(0.2), 30, dt);
        }
        idleSeconds += dt;
        if (pendingCups > 0 && tankMl >= CUP_ML && boilerTemp <= BREW_TEMP_C + 2) {
            state = State.BREWING;
            brewElapsed = 0;
            brewDuration = GRIND_SECONDS + uniform(22, 30);
        } else if (idleSeconds > 1800 || (!onHours && idleSeconds > 600)) {
            state = onHours ? State.STANDBY : State.OFF;
        }
    }

    private void brew(double dt) {
        brewElapsed += dt;
        boolean grinding = brewElapsed < GRIND_SECONDS;
        if (grinding) {
            jammed = hasFault(GRINDER_JAM);
            grinderAmps = jammed ? 9.2 + noise(0.25) : 2.7 + noise(0.15);
            if (jammed) {
                pendingCups = 0;
                return;
            }
        } else {
            double nominal = hasFault(PUMP_LOW) ? uniform(3.8, 5.2) : 9 * (1 - scaleLoss());
            pressure = nominal + noise(0.12);
            lastBrewPressure = pressure;
            tankMl = Math.max(0, tankMl - CUP_ML / (brewDuration - GRIND_SECONDS) * dt);
        }
        power = HEATER_W * 0.8 + (grinding ? 260 : 55);
        boilerTemp = approach(boilerTemp, 89.5, 25, dt);
        if (brewElapsed >= brewDuration) {
            brewCount++;
            cupsSinceDescale++;
            pendingCups = Math.max(0, pendingCups - 1);
            state = State.READY;
            idleSeconds = 0;
        }
    }

    /** Scale lowers pressure by up to a fifth: 300 cups at 15 °dH cost about 1.5 bar. */
    private double scaleLoss() {
        return Math.min(0.2, cupsSinceDescale * hardness / 15 * 0.0006);
    }

    /** A stuck heater relay overrides the thermostat: the boiler heats towards 146 °C whatever the state. */
    private void applyFaults(double tempBefore, double dt) {
        if (hasFault(OVERHEAT)) {
            power = HEATER_W;
            boilerTemp = approach(tempBefore, 146, 120, dt);
        }
        if (hasFault(TANK_EMPTY)) {
            tankMl = Math.max(0, tankMl - 2 * dt);
            refillIn -= dt;
            if (refillIn <= 0) {
                tankMl = uniform(2500, TANK_FULL_ML);
                clearFault();
            }
        }
        boolean blocked = blockingSymptom();
        if (blocked) {
            state = State.ERROR;
        } else if (state == State.ERROR) {
            state = State.HEATING;
        }
    }

    private boolean blockingSymptom() {
        return (hasFault(OVERHEAT) && boilerTemp > 130) || (hasFault(GRINDER_JAM) && jammed)
                || (hasFault(TEMP_SENSOR) && faultSeconds() >= 10) || (hasFault(TANK_EMPTY) && tankMl < 50);
    }

    private double cupsPerHour(double h) {
        if (weekend()) {
            return h >= 8 && h < 11 ? 2.0 : h >= 12 && h < 14 ? 1.0 : h >= 15 && h < 17 ? 1.0 : h >= 7 && h < 22 ? 0.3
                    : 0.02;
        }
        return h >= 6.5 && h < 9 ? 2.5 : h >= 11.5 && h < 13.5 ? 1.5 : h >= 9 && h < 17 ? 0.5 : h >= 17 && h < 21
                ? 0.4 : 0.02;
    }

    @Override
    protected void faultStarted(String code) {
        switch (code) {
            case PUMP_LOW, GRINDER_JAM -> pendingCups = Math.max(1, pendingCups);
            case TANK_EMPTY -> {
                tankMl = Math.min(tankMl, 20);
                refillIn = uniform(600, 2400);
            }
            case DESCALE_DUE -> cupsSinceDescale = Math.max(cupsSinceDescale, 300 + Math.floor(uniform(0, 50)));
            default -> {
                // The remaining faults act through the physics in step().
            }
        }
    }

    @Override
    protected void faultCleared(String code) {
        jammed = false;
        if (PUMP_LOW.equals(code)) {
            lastBrewPressure = 9;
        }
    }

    @Override
    protected boolean symptomVisible(String code, double seconds) {
        return switch (code) {
            case OVERHEAT -> boilerTemp > 130;
            case PUMP_LOW -> lastBrewPressure < 6;
            case GRINDER_JAM -> jammed;
            case TEMP_SENSOR -> seconds >= 10;
            case DESCALE_DUE -> true;
            case TANK_EMPTY -> tankMl < 50;
            default -> false;
        };
    }

    @Override
    public void actionStarted(String action) {
        switch (action) {
            case "descale_cycle" -> state = State.DESCALING;
            case "reboot", "firmware_rollback" -> state = State.OFF;
            default -> {
                // Short actions leave the machine in its state.
            }
        }
    }

    @Override
    public void actionFinished(String action, boolean repaired) {
        if ("descale_cycle".equals(action)) {
            cupsSinceDescale = 0;
        }
        if (state == State.DESCALING || state == State.OFF || (state == State.ERROR && !hasAnyFault())) {
            state = State.HEATING;
        }
    }

    @Override
    protected void report(Readings r) {
        double temp = hasFault(TEMP_SENSOR) ? (random.nextBoolean() ? uniform(0, 3) : uniform(155, 160)) : boilerTemp;
        r.number("boiler_temp_c", temp + noise(0.1), 1)
                .number("pump_pressure_bar", Math.max(0, pressure), 2)
                .number("water_tank_ml", tankMl, 0)
                .number("grinder_current_a", Math.max(0, grinderAmps), 2)
                .number("power_w", power, 1)
                .number("energy_wh_total", energyWh, 1)
                .integer("brew_count_total", brewCount)
                .integer("cups_since_descale", cupsSinceDescale)
                .number("water_hardness_dh", hardness, 1)
                .text("state", state.name().toLowerCase(Locale.ROOT));
    }
}
