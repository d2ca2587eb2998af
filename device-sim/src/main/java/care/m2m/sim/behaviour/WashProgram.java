package care.m2m.sim.behaviour;

import java.util.Random;

/** The programs of the simulated washer, with how often households pick them. */
enum WashProgram {
    COTTON("cotton", 60, 55 * 60, 1400, 40),
    ECO_40_60("eco_40_60", 40, 110 * 60, 1400, 25),
    SYNTHETICS("synthetics", 40, 40 * 60, 1000, 15),
    QUICK("quick", 30, 12 * 60, 1200, 12),
    WOOL("wool", 30, 20 * 60, 800, 5),
    RINSE_SPIN("rinse_spin", 0, 0, 1200, 3);

    final String wireName;
    final double washTempC;
    final double washSeconds;
    final double maxRpm;
    private final int weight;

    WashProgram(String wireName, double washTempC, double washSeconds, double maxRpm, int weight) {
        this.wireName = wireName;
        this.washTempC = washTempC;
        this.washSeconds = washSeconds;
        this.maxRpm = maxRpm;
        this.weight = weight;
    }

    boolean washes() {
        return washSeconds > 0;
    }

    static WashProgram pick(Random random) {
        int total = 0;
        for (WashProgram p : values()) {
            total += p.weight;
        }
        int roll = random.nextInt(total);
        for (WashProgram p : values()) {
            roll -= p.weight;
            if (roll < 0) {
                return p;
            }
        }
        return COTTON;
    }
}
