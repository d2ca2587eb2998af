package care.m2m.sim.run;

import care.m2m.sim.firmware.SimClock;
import care.m2m.sim.stats.RunStats;
import java.util.concurrent.ScheduledExecutorService;

/** What every device runner of one run shares: settings, counters, the scheduler, the tracker and the clock. */
record FleetContext(RunSettings settings, RunStats stats, ScheduledExecutorService scheduler,
                    InflightTracker tracker, SimClock clock) {
}
