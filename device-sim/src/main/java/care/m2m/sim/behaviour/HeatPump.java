package care.m2m.sim.behaviour;

import care.m2m.contracts.models.DeviceModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

/**
 * An air-to-water heat pump heating a house and its hot-water tank. The outdoor temperature follows a daily cycle
 * plus weather; the compressor modulates to hold the room at its setpoint (with a night setback on some houses);
 * the COP falls as the lift between outdoor air and flow temperature grows; frost builds in cold humid air until a
 * defrost episode; showers in the morning and evening empty the hot-water tank, which is then reheated.
 */
final class HeatPump extends BehaviourBase {

    enum State { OFF, STANDBY, HEATING, DHW, DEFROST, ERROR }

    static final String COMPRESSOR_FAIL = "E_COMPRESSOR_FAIL";
    static final String HIGH_PRESSURE = "E_HIGH_PRESSURE";
    static final String LOW_FLOW = "E_LOW_FLOW";
    static final String DEFROST_STUCK = "E_DEFROST_STUCK";
    static final String SENSOR_FAULT = "E_SENSOR_FAULT";
    static final String NO_HEAT = "E_NO_HEAT";
    static final String LOW_COP = "W_LOW_COP";

    private static final double WATER_J_PER_KG_K = 4186;
    private static final double DHW_TANK_J_PER_K = 200 * WATER_J_PER_KG_K;
    private static final double INTERNAL_GAINS_W = 350;
    private static final double MIN_HZ = 20;
    private static final double MAX_HEATING_HZ = 120;
    private static final double DHW_HZ = 85;
    private static final double DEFROST_HZ = 70;

    private final double seasonTemp;
    private final double ua;
    private final double houseCapacity;
    private final double comfort;
    private final boolean setback;
    private double weather;
    private double humidity;
    private double outdoor;
    private double indoor;
    private double flow;
    private double ret;
    private double dhw;
    private double hz;
    private double frost;
    private double defrostLeft;
    private double defrostElapsed;
    private boolean running;
    private boolean dhwMode;
    private boolean rebooting;
    private boolean tripped;
    private double heatW;
    private double power;
    private double cop;
    private double pressure;
    private double energyWh;
    private double heatWh;
    private State state = State.STANDBY;

    HeatPump(DeviceModel model, Instant start, ZoneId zone, Random random) {
        super(model, start, zone, random);
        seasonTemp = uniform(-6, 12);
        ua = uniform(110, 200);
        houseCapacity = ua * uniform(30, 60) * 3600;
        comfort = Math.round(uniform(19.5, 22) * 2) / 2.0;
        setback = random.nextBoolean();
        humidity = uniform(60, 95);
        outdoor = seasonTemp + 4.5 * dailyWave(4);
        indoor = comfort + noise(0.3);
        flow = 30;
        ret = 27;
        dhw = uniform(45, 52);
        frost = uniform(0, 0.5);
        pressure = saturation(outdoor + 3);
        energyWh = uniform(500_000, 9_000_000);
        heatWh = energyWh * uniform(3.0, 4.0);
    }

    @Override
    protected void step(double dt) {
        double h = hourOfDay();
        weather += -weather * dt / (6 * 3600) + 2 * Math.sqrt(2 * dt / (6 * 3600)) * random.nextGaussian();
        humidity = clamp(humidity - (humidity - 80) * dt / (8 * 3600)
                + 10 * Math.sqrt(2 * dt / (8 * 3600)) * random.nextGaussian(), 40, 100);
        outdoor = seasonTemp + 4.5 * dailyWave(4) + weather;
        if (chance(h >= 6.5 && h < 8.5 ? 0.8 : h >= 19 && h < 22 ? 0.6 : 0.05, dt)) {
            dhw -= uniform(5, 12);
        }
        dhw = approach(dhw, indoor, 3 * 86400, dt);
        if (defrostLeft > 0) {
            defrostElapsed += dt;
            if (!hasFault(DEFROST_STUCK)) {
                defrostLeft -= dt;
            }
        }
        boolean defrosting = defrostLeft > 0;
        dhwMode = !defrosting && (dhwMode ? dhw < 52 : dhw < 44);
        double perHz = Math.max(40, 75 + 1.3 * (outdoor - 7));
        double target = defrosting ? DEFROST_HZ : dhwMode ? DHW_HZ : heatingHz(perHz);
        if (rebooting || tripped || hasFault(COMPRESSOR_FAIL)) {
            target = 0;
        }
        hz = approach(hz, target, 60, dt);
        if (target == 0 && hz < 5) {
            hz = 0;
        }
        thermodynamics(perHz, defrosting, dt);
        if (!defrosting && hz > 0 && !dhwMode && outdoor > -8 && outdoor < 6 && humidity > 70) {
            frost += dt * (hz / 100) * ((humidity - 70) / 30) / 2400;
            if (frost >= 1) {
                frost = 0;
                defrostLeft = uniform(240, 480);
                defrostElapsed = 0;
            }
        }
        energyWh += power * dt / 3600;
        heatWh += Math.max(0, heatW) * dt / 3600;
        state = rebooting ? State.OFF : blockingSymptom() ? State.ERROR : defrostLeft > 0 ? State.DEFROST
                : hz > 0 && dhwMode ? State.DHW : hz > 0 ? State.HEATING : State.STANDBY;
    }

    private double setpoint() {
        double h = hourOfDay();
        return setback && (h >= 22.5 || h < 6) ? comfort - 2 : comfort;
    }

    private double heatingHz(double perHz) {
        double sp = setpoint();
        double demand = ua * (indoor - outdoor) - INTERNAL_GAINS_W + 1500 * (sp - indoor);
        double wanted = demand / perHz;
        if (demand <= 0 || (wanted < MIN_HZ && indoor > sp + 0.3)) {
            running = false;
        } else if (wanted >= MIN_HZ || indoor < sp - 0.3) {
            running = true;
        }
        return running ? clamp(wanted, MIN_HZ, MAX_HEATING_HZ) : 0;
    }

    private void thermodynamics(double perHz, boolean defrosting, double dt) {
        double massFlow = hasFault(LOW_FLOW) ? 0.06 : 0.35;
        double nominalHeat = defrosting ? -1500 * hz / DEFROST_HZ : hz * perHz;
        heatW = hasFault(NO_HEAT) && nominalHeat > 0 ? nominalHeat * 0.08 : nominalHeat;
        double lift = Math.max(12, flow - outdoor + 9);
        double carnotCop = clamp(0.48 * (flow + 276.15) / lift, 1.2, 7.0);
        double electric = hz == 0 ? 0 : defrosting ? 1400 * hz / DEFROST_HZ
                : nominalHeat / (carnotCop * (hasFault(LOW_COP) ? 0.45 : 1));
        power = electric + (hz > 0 ? 45 : 0) + 10;
        cop = hz > 0 && !defrosting && electric > 0 ? heatW / electric : 0;
        if (hz > 0) {
            double flowTarget = defrosting ? indoor + 3 : dhwMode ? Math.min(60, dhw + 8)
                    : clamp(24 + 0.6 * (20 - outdoor), 25, 52);
            if (hasFault(LOW_FLOW)) {
                flowTarget = Math.min(65, flowTarget + 12);
            }
            if (hasFault(NO_HEAT)) {
                flowTarget = indoor + 1.5;
            }
            flow = approach(flow, flowTarget, 240, dt);
            ret = flow - clamp(heatW / (massFlow * WATER_J_PER_KG_K), -5, 20);
        } else {
            flow = approach(flow, indoor + 1, 1200, dt);
            ret = flow - 0.3;
        }
        if (dhwMode && hz > 0) {
            dhw += heatW * dt / DHW_TANK_J_PER_K;
        }
        double houseHeat = hz > 0 && !dhwMode ? heatW : 0;
        indoor += (houseHeat + INTERNAL_GAINS_W - ua * (indoor - outdoor)) / houseCapacity * dt;
        double pressureTarget = hz > 0 ? saturation(flow + 4) : saturation(outdoor + 3);
        if (hasFault(HIGH_PRESSURE) && hz > 0) {
            pressureTarget = 46;
        } else if (hasFault(NO_HEAT)) {
            pressureTarget = 4;
        }
        pressure = approach(pressure, pressureTarget, hz > 0 ? 90 : 600, dt);
        if (hasFault(HIGH_PRESSURE) && pressure > 42) {
            tripped = true;
        }
    }

    /** Saturation pressure of R32 in bar at {@code tempC}, a fit good to a bar between -20 and 65 °C. */
    private static double saturation(double tempC) {
        double d = tempC - 20;
        return Math.max(2, 14.7 + 0.415 * d + 0.00525 * d * d);
    }

    private boolean blockingSymptom() {
        return (hasFault(COMPRESSOR_FAIL) && faultSeconds() >= 120) || tripped;
    }

    @Override
    protected void faultStarted(String code) {
        switch (code) {
            case DEFROST_STUCK -> {
                defrostLeft = Math.max(defrostLeft, 1);
                defrostElapsed = 0;
            }
            case HIGH_PRESSURE, LOW_FLOW, NO_HEAT, LOW_COP -> dhw = Math.min(dhw, 43);
            default -> {
                // The remaining faults act through the physics in step().
            }
        }
    }

    @Override
    protected void faultCleared(String code) {
        tripped = false;
        if (DEFROST_STUCK.equals(code)) {
            defrostLeft = 0;
        }
    }

    @Override
    protected boolean symptomVisible(String code, double seconds) {
        return switch (code) {
            case COMPRESSOR_FAIL -> seconds >= 120;
            case HIGH_PRESSURE -> tripped || pressure > 42;
            case LOW_FLOW -> hz > 0 && flow - ret > 12;
            case DEFROST_STUCK -> defrostElapsed > 1200;
            case SENSOR_FAULT -> seconds >= 30;
            case NO_HEAT, LOW_COP -> hz > 0 && seconds >= 600;
            default -> false;
        };
    }

    @Override
    public void actionStarted(String action) {
        if ("reboot".equals(action) || "firmware_rollback".equals(action) || "restart_compressor".equals(action)) {
            rebooting = true;
        }
    }

    @Override
    public void actionFinished(String action, boolean repaired) {
        rebooting = false;
    }

    @Override
    protected void report(Readings r) {
        double outdoorReading = hasFault(SENSOR_FAULT) ? -60 : outdoor + noise(0.05);
        r.number("flow_temp_c", flow + noise(0.05), 1)
                .number("return_temp_c", ret + noise(0.05), 1)
                .number("outdoor_temp_c", outdoorReading, 1)
                .number("indoor_temp_c", indoor + noise(0.03), 1)
                .number("setpoint_c", setpoint(), 1)
                .number("dhw_temp_c", dhw, 1)
                .number("compressor_hz", hz, 1)
                .number("power_w", power, 0)
                .number("energy_wh_total", energyWh, 0)
                .number("heat_wh_total", heatWh, 0)
                .number("cop", Math.max(0, cop), 2)
                .number("refrigerant_pressure_bar", pressure, 2)
                .bool("defrost_active", defrostLeft > 0)
                .text("state", state.name().toLowerCase(Locale.ROOT));
    }
}
