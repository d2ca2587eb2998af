package care.m2m.sim.behaviour;

import care.m2m.contracts.models.DeviceModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

/**
 * A front-loading washer used a few times a week during the day. A cycle fills, washes (heating the water, which
 * is where most of the energy goes), drains, rinses twice, spins and ends with the door unlocking. An injected
 * fault starts a wash in the phase where that fault shows, so a demo sees it within minutes rather than on the
 * next laundry day.
 */
final class WashingMachine extends BehaviourBase {

    enum Phase { IDLE, FILL, WASH, RINSE, SPIN, DRAIN, DONE, ERROR }

    static final String DRAIN_BLOCKED = "E_DRAIN_BLOCKED";
    static final String WATER_INLET = "E_WATER_INLET";
    static final String DOOR_LOCK = "E_DOOR_LOCK";
    static final String UNBALANCED = "E_UNBALANCED";
    static final String HEATER_FAIL = "E_HEATER_FAIL";
    static final String MOTOR_FAIL = "E_MOTOR_FAIL";

    private static final double INLET_TEMP_C = 15;
    private static final double HEATER_W = 2000;
    private static final double DRAIN_LPS = 0.25;
    private static final double RINSE_SECONDS = 6 * 60;

    private final double cyclesPerWeek;
    private Phase phase = Phase.IDLE;
    private WashProgram program;
    private Phase afterFill;
    private Phase afterDrain;
    private int rinsesLeft;
    private double elapsed;
    private double fillTarget;
    private double water;
    private double waterTemp = ROOM_TEMP_C;
    private double rpm;
    private double inlet;
    private double power;
    private double energyWh;
    private double cycles;
    private double drainTime;
    private double imbalance;
    private double spinSeconds;
    private double emptyAfter;
    private boolean doorLocked;

    WashingMachine(DeviceModel model, Instant start, ZoneId zone, Random random) {
        super(model, start, zone, random);
        cyclesPerWeek = uniform(2, 6);
        cycles = Math.floor(uniform(100, 1500));
        energyWh = cycles * uniform(700, 1000);
        drainTime = uniform(45, 80);
    }

    @Override
    protected void step(double dt) {
        elapsed += dt;
        rpm = 0;
        inlet = 0;
        power = 1.2;
        switch (phase) {
            case IDLE -> {
                double h = hourOfDay();
                double perHour = cyclesPerWeek / (7 * 13) * (weekend() ? 1.5 : 1);
                if (h >= 8 && h < 21 && chance(perHour, dt)) {
                    startCycle(WashProgram.pick(random), Phase.FILL);
                }
            }
            case FILL -> fill(dt);
            case WASH -> wash(dt);
            case RINSE -> {
                tumble();
                waterTemp = approach(waterTemp, INLET_TEMP_C, 120, dt);
                if (elapsed >= RINSE_SECONDS) {
                    rinsesLeft--;
                    enter(Phase.DRAIN);
                    afterDrain = rinsesLeft > 0 ? Phase.FILL : Phase.SPIN;
                    afterFill = Phase.RINSE;
                }
            }
            case DRAIN -> drain(dt);
            case SPIN -> spin();
            case DONE -> {
                doorLocked = elapsed < 90;
                if (elapsed >= emptyAfter) {
                    phase = Phase.IDLE;
                    program = null;
                }
            }
            case ERROR -> {
                power = 4;
                if (hasFault(DRAIN_BLOCKED)) {
                    drainTime = elapsed;
                }
            }
        }
        if (water <= 0) {
            waterTemp = approach(waterTemp, ROOM_TEMP_C, 900, dt);
        }
        if (hasAnyFault() && phase != Phase.ERROR && phase != Phase.IDLE && visible()) {
            phase = Phase.ERROR;
            if (!hasFault(DRAIN_BLOCKED)) {
                elapsed = 0;
            }
        }
        energyWh += power * dt / 3600;
    }

    private void startCycle(WashProgram chosen, Phase first) {
        program = chosen;
        rinsesLeft = 2;
        doorLocked = !hasFault(DOOR_LOCK);
        imbalance = uniform(0.03, 0.3);
        spinSeconds = uniform(8, 12) * 60;
        emptyAfter = uniform(300, 7200);
        afterFill = program.washes() ? Phase.WASH : Phase.RINSE;
        afterDrain = Phase.FILL;
        if (first == Phase.DRAIN) {
            water = 14;
            waterTemp = Math.max(INLET_TEMP_C, program.washTempC - 10);
            afterDrain = Phase.SPIN;
        }
        enter(first);
    }

    private void enter(Phase next) {
        phase = next;
        elapsed = 0;
        if (next == Phase.FILL) {
            fillTarget = uniform(11, 16);
        }
    }

    private void fill(double dt) {
        if (!doorLocked) {
            return;
        }
        inlet = hasFault(WATER_INLET) ? uniform(0.3, 1.5) : 12 + noise(0.4);
        double added = inlet * dt / 60;
        waterTemp = (waterTemp * water + INLET_TEMP_C * added) / (water + added);
        water += added;
        power = 12;
        rpm = 30;
        if (water >= fillTarget) {
            enter(afterFill);
        }
    }

    private void wash(double dt) {
        tumble();
        boolean heating = waterTemp < program.washTempC - 0.5;
        if (heating && !hasFault(HEATER_FAIL)) {
            power += HEATER_W;
            waterTemp += HEATER_W * dt / (water * 4186);
        } else {
            waterTemp = approach(waterTemp, ROOM_TEMP_C, 5400, dt);
        }
        if (elapsed >= program.washSeconds && !heating) {
            enter(Phase.DRAIN);
            afterDrain = Phase.FILL;
            afterFill = Phase.RINSE;
        }
    }

    private void tumble() {
        boolean turning = (elapsed % 15) < 12 && !hasFault(MOTOR_FAIL);
        rpm = turning ? 48 + noise(2) : 0;
        power = turning ? 120 + noise(10) : 15;
    }

    private void drain(double dt) {
        power = 35;
        water = Math.max(0, water - (hasFault(DRAIN_BLOCKED) ? 0.005 : DRAIN_LPS) * dt);
        if (hasFault(DRAIN_BLOCKED)) {
            drainTime = Math.max(drainTime, elapsed);
        }
        if (water <= 0) {
            drainTime = elapsed;
            enter(afterDrain);
        }
    }

    private void spin() {
        double limit = hasFault(UNBALANCED) ? 400 : program.maxRpm;
        rpm = hasFault(MOTOR_FAIL) ? 0 : Math.min(limit, elapsed * 12) + noise(3);
        power = 80 + Math.max(0, rpm) * 0.3;
        if (elapsed >= spinSeconds) {
            cycles++;
            emptyAfter = uniform(300, 7200);
            enter(Phase.DONE);
        }
    }

    private boolean visible() {
        return symptomVisible(faultCode(), faultSeconds());
    }

    private String faultCode() {
        return activeFault().orElse("");
    }

    @Override
    protected void faultStarted(String code) {
        if (phase != Phase.IDLE) {
            doorLocked = doorLocked && !DOOR_LOCK.equals(code);
            return;
        }
        switch (code) {
            case DRAIN_BLOCKED -> startCycle(WashProgram.COTTON, Phase.DRAIN);
            case UNBALANCED -> startCycle(WashProgram.COTTON, Phase.SPIN);
            default -> startCycle(WashProgram.QUICK, Phase.FILL);
        }
        if (UNBALANCED.equals(code)) {
            imbalance = uniform(0.7, 0.95);
        }
    }

    @Override
    protected void faultCleared(String code) {
        doorLocked = phase != Phase.IDLE && phase != Phase.DONE;
        if (phase == Phase.ERROR) {
            enter(Phase.DRAIN);
            afterDrain = Phase.DONE;
        }
    }

    @Override
    protected boolean symptomVisible(String code, double seconds) {
        if (phase == Phase.ERROR) {
            return true;
        }
        return switch (code) {
            case DRAIN_BLOCKED -> phase == Phase.DRAIN && elapsed > 600;
            case WATER_INLET -> phase == Phase.FILL && elapsed > 300;
            case DOOR_LOCK -> phase != Phase.IDLE && !doorLocked && seconds >= 30;
            case UNBALANCED -> phase == Phase.SPIN && elapsed > 60;
            case HEATER_FAIL -> phase == Phase.WASH && elapsed > 900 && waterTemp < program.washTempC - 5;
            case MOTOR_FAIL -> (phase == Phase.WASH || phase == Phase.RINSE || phase == Phase.SPIN) && elapsed > 60;
            default -> false;
        };
    }

    @Override
    public void actionStarted(String action) {
        if (phase == Phase.ERROR && UNBALANCED.equals(faultCode()) && "rebalance_spin".equals(action)) {
            imbalance = uniform(0.1, 0.3);
        }
    }

    @Override
    public void actionFinished(String action, boolean repaired) {
        if (phase == Phase.ERROR && !hasAnyFault()) {
            enter(Phase.DRAIN);
            afterDrain = Phase.DONE;
        }
    }

    @Override
    protected void report(Readings r) {
        boolean active = phase != Phase.IDLE && phase != Phase.DONE;
        r.number("drum_rpm", Math.max(0, rpm), 0)
                .number("water_temp_c", waterTemp, 1)
                .number("water_inlet_lpm", inlet, 1)
                .number("power_w", power, 1)
                .number("energy_wh_total", energyWh, 1)
                .integer("cycle_count_total", cycles)
                .number("drain_time_s", drainTime, 0)
                .number("imbalance_index", phase == Phase.SPIN || phase == Phase.ERROR ? imbalance : 0, 2)
                .bool("door_locked", doorLocked && (active || phase == Phase.DONE))
                .text("program", program == null ? "none" : program.wireName)
                .text("phase", phase.name().toLowerCase(Locale.ROOT));
    }
}
