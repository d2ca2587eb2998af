package care.m2m.sim.behaviour;

import care.m2m.contracts.models.DeviceModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

/**
 * A 22 kW home charger: the car is mostly plugged in when people come home in the evening and unplugged the next
 * morning; most cars take 16 A on three phases (about 11 kW), some the full 32 A. A third of the owners use
 * smart charging and wait for the cheap night tariff. The connector warms with the square of the current.
 */
final class EvCharger extends BehaviourBase {

    enum State { AVAILABLE, PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, FAULTED, UNAVAILABLE }

    static final String GROUND_FAULT = "E_GROUND_FAULT";
    static final String OVERTEMP = "E_OVERTEMP";
    static final String CONTACTOR_STUCK = "E_CONTACTOR_STUCK";
    static final String RCD_TRIPPED = "E_RCD_TRIPPED";
    static final String OVERCURRENT = "E_OVERCURRENT";
    static final String EV_COMM_LOST = "E_EV_COMM_LOST";

    private static final int PHASES = 3;
    private static final double MAX_POWER_W = 22_000;
    private static final double DERATED_AMPS = 10;

    private final boolean smart;
    private final double carAmps;
    private State state = State.AVAILABLE;
    private boolean connected;
    private boolean rebooting;
    private double elapsed;
    private double prepareSeconds;
    private double needWh;
    private double sessionWh;
    private double energyWh;
    private double limitAmps = 32;
    private double current;
    private double voltage = 230;
    private double connectorTemp;

    EvCharger(DeviceModel model, Instant start, ZoneId zone, Random random) {
        super(model, start, zone, random);
        smart = random.nextInt(3) == 0;
        carAmps = random.nextInt(5) == 0 ? 31 : 16;
        energyWh = uniform(200_000, 6_000_000);
        connectorTemp = ambient();
    }

    private double ambient() {
        return 12 + 6 * dailyWave(5);
    }

    @Override
    protected void step(double dt) {
        double h = hourOfDay();
        elapsed += dt;
        double targetAmps = 0;
        switch (state) {
            case AVAILABLE -> {
                if (chance(plugRate(h), dt)) {
                    plugIn(false);
                }
            }
            case PREPARING -> {
                if (elapsed >= prepareSeconds) {
                    enter(smart && h >= 16 && h < 23 ? State.SUSPENDED_EVSE : State.CHARGING);
                }
            }
            case SUSPENDED_EVSE -> {
                if (!hasFault(EV_COMM_LOST) && !(smart && h >= 16 && h < 23)) {
                    enter(State.CHARGING);
                }
            }
            case CHARGING -> {
                double remaining = needWh - sessionWh;
                targetAmps = Math.min(carAmps, limitAmps) * (remaining < 0.05 * needWh ? 0.4 : 1);
                if (remaining <= 0) {
                    enter(State.SUSPENDED_EV);
                }
            }
            case FINISHING -> {
                if (elapsed >= 8) {
                    connected = false;
                    enter(State.AVAILABLE);
                }
            }
            default -> {
                // Suspended by the car, faulted or unavailable: no current.
            }
        }
        if (connected && !hasAnyFault() && (state == State.CHARGING || state == State.SUSPENDED_EV
                || state == State.SUSPENDED_EVSE) && chance(unplugRate(h), dt)) {
            enter(State.FINISHING);
        }
        if (hasFault(OVERCURRENT) && state == State.CHARGING) {
            targetAmps = Math.min(32, carAmps * 1.25);
        }
        if (hasFault(EV_COMM_LOST) && state == State.CHARGING && faultSeconds() > 5) {
            enter(State.SUSPENDED_EVSE);
        }
        if (rebooting || blockingSymptom()) {
            targetAmps = 0;
            if (!rebooting && state != State.FAULTED) {
                enter(State.FAULTED);
            }
        }
        current = targetAmps == 0 ? 0 : approach(current, targetAmps, 20, dt);
        voltage = hasFault(RCD_TRIPPED) ? 0 : 231 - 4 * eveningPeak(h) - 0.05 * current + noise(0.6);
        double heating = 0.025 * current * current + (hasFault(OVERTEMP) && current > 4 ? 78 : 0);
        connectorTemp = approach(connectorTemp, ambient() + heating, hasFault(OVERTEMP) ? 240 : 600, dt);
        double power = power();
        sessionWh += power * dt / 3600;
        energyWh += power * dt / 3600;
    }

    private double power() {
        return Math.min(MAX_POWER_W, PHASES * voltage * current * 0.99);
    }

    private static double eveningPeak(double h) {
        return h >= 17 && h < 21 ? 1 : 0;
    }

    private double plugRate(double h) {
        if (weekend()) {
            return h >= 10 && h < 19 ? 0.1 : 0.01;
        }
        return h >= 17 && h < 21 ? 0.35 : h >= 9 && h < 17 ? 0.04 : 0.01;
    }

    private double unplugRate(double h) {
        if (h >= 6.5 && h < 8.5 && !weekend()) {
            return 1.5;
        }
        return state == State.SUSPENDED_EV ? 0.2 : 0.03;
    }

    private void plugIn(boolean skipPreparing) {
        connected = true;
        sessionWh = 0;
        needWh = uniform(5_000, 40_000);
        prepareSeconds = uniform(15, 60);
        limitAmps = 32;
        enter(skipPreparing ? State.CHARGING : State.PREPARING);
    }

    private void enter(State next) {
        state = next;
        elapsed = 0;
    }

    private boolean blockingSymptom() {
        return (hasFault(GROUND_FAULT) || hasFault(CONTACTOR_STUCK) || hasFault(RCD_TRIPPED)
                || hasFault(OVERCURRENT)) && symptomVisible(activeFault().orElseThrow(), faultSeconds());
    }

    @Override
    protected void faultStarted(String code) {
        if ((OVERTEMP.equals(code) || OVERCURRENT.equals(code) || EV_COMM_LOST.equals(code))
                && state != State.CHARGING) {
            plugIn(true);
        }
    }

    @Override
    protected void faultCleared(String code) {
        if (state == State.FAULTED || (state == State.SUSPENDED_EVSE && EV_COMM_LOST.equals(code))) {
            enter(connected ? State.PREPARING : State.AVAILABLE);
        }
    }

    @Override
    protected boolean symptomVisible(String code, double seconds) {
        return switch (code) {
            case GROUND_FAULT -> seconds >= 2;
            case OVERTEMP -> connectorTemp > 85;
            case CONTACTOR_STUCK -> seconds >= 5;
            case RCD_TRIPPED -> seconds >= 1;
            case OVERCURRENT -> state == State.FAULTED || current > Math.min(carAmps, limitAmps) + 0.8;
            case EV_COMM_LOST -> seconds >= 30;
            default -> false;
        };
    }

    @Override
    public void actionStarted(String action) {
        switch (action) {
            case "reboot", "firmware_rollback" -> {
                rebooting = true;
                enter(State.UNAVAILABLE);
            }
            case "restart_session" -> {
                if (connected) {
                    enter(State.PREPARING);
                }
            }
            default -> {
                // Derating and RCD resets take effect when they finish.
            }
        }
    }

    @Override
    public void actionFinished(String action, boolean repaired) {
        if ("derate_power".equals(action)) {
            limitAmps = DERATED_AMPS;
        }
        if (rebooting || (state == State.FAULTED && !hasAnyFault())) {
            rebooting = false;
            enter(connected ? State.PREPARING : State.AVAILABLE);
        }
    }

    @Override
    protected void report(Readings r) {
        r.number("power_w", power(), 0)
                .number("current_a", current, 2)
                .number("voltage_v", voltage, 1)
                .number("energy_wh_total", energyWh, 0)
                .number("session_energy_wh", sessionWh, 0)
                .number("connector_temp_c", connectorTemp, 1)
                .bool("vehicle_connected", connected)
                .text("state", state.name().toLowerCase(Locale.ROOT));
    }
}
