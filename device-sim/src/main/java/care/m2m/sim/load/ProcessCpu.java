package care.m2m.sim.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a server process on Linux, read from {@code /proc}, so a run can report what the
 * server itself spent during the measured window (user + system time over wall time; 1.0 = one core busy).
 */
record ProcessCpu(long pid, long cpuTicks, long rssKb, long nanos) {

    /** Linux reports CPU times in clock ticks of 1/100 s on every mainstream architecture (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessCpu sample(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessCpu(pid, ticks, rss, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read /proc/" + pid + " (is the server process running?): " + e,
                    e);
        }
    }

    /** Cores busy between {@code earlier} and this sample. */
    double coresSince(ProcessCpu earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        return seconds <= 0 ? 0 : (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND / seconds;
    }
}
