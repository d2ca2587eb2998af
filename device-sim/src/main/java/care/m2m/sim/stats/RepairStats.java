package care.m2m.sim.stats;

import care.m2m.sim.firmware.FaultTimeline;
import care.m2m.sim.firmware.RepairObserver;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fleet's view of the gateway's service ladder: how many faults the devices reported, how many repair commands
 * reached them, how many of those repairs really cleared the fault (the firmware knows; the gateway can only
 * infer it from later telemetry) and how long the first repair command of a fault took to arrive. Shared by every
 * device's firmware, so thread-safe.
 */
public final class RepairStats implements RepairObserver {

    private final LongAdder faultsReported = new LongAdder();
    private final LongAdder repairCommands = new LongAdder();
    private final LongAdder repairsCleared = new LongAdder();
    private final LongAdder beforeReport = new LongAdder();
    private final Latency fromReport = new Latency();
    private final Latency fromOnset = new Latency();

    @Override
    public void faultReported(String code) {
        faultsReported.increment();
    }

    @Override
    public void repairCommand(String code, String action, FaultTimeline.Latencies first) {
        repairCommands.increment();
        if (first == null) {
            return;
        }
        fromOnset.record(first.sinceOnset().toNanos());
        if (first.sinceReport() == null) {
            beforeReport.increment();
        } else {
            fromReport.record(first.sinceReport().toNanos());
        }
    }

    @Override
    public void repairCleared(String code) {
        repairsCleared.increment();
    }

    /** The counters and latencies so far. */
    public Summary.Repairs snapshot() {
        return new Summary.Repairs(faultsReported.sum(), repairCommands.sum(), repairsCleared.sum(), beforeReport.sum(),
                Summary.LatencyMillis.of(fromReport.total()), Summary.LatencyMillis.of(fromOnset.total()));
    }
}
