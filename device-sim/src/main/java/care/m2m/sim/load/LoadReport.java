package care.m2m.sim.load;

import java.io.PrintWriter;
import java.util.Locale;

/** The text form of a load result, for people and for the bench scripts' logs. */
final class LoadReport {

    private LoadReport() {
    }

    static void printText(LoadResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "target %s: %d devices (%d connected, %d failed, %d connections lost)%n", r.target(),
                r.devices(), r.connected(), r.connectFailed(), r.connectionsLost());
        if (r.latencyMs().count() > 0 || r.windowSent() > 0) {
            out.printf(Locale.ROOT, "  offered %s, window %d per device, steady window %.0f s%n",
                    r.offeredRate() == 0 ? "saturation" : String.format(Locale.ROOT, "%.0f msg/s", r.offeredRate()),
                    r.window(), r.steadySeconds());
            out.printf(Locale.ROOT, "  acknowledged %.0f msg/s in the window (%d sent, %d acknowledged in it)%n",
                    r.ackedPerSecond(), r.windowSent(), r.windowAcked());
            out.printf(Locale.ROOT, "  PUBACK latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f (%d messages)%n",
                    r.latencyMs().p50(), r.latencyMs().p99(), r.latencyMs().p999(), r.latencyMs().max(),
                    r.latencyMs().count());
            if (!r.perSecond().isEmpty()) {
                StringBuilder seconds = new StringBuilder();
                for (int i = 0; i < r.perSecond().size(); i++) {
                    seconds.append(String.format(Locale.ROOT, " %d/%.0f", r.perSecond().get(i),
                            i < r.p99PerSecondMs().size() ? r.p99PerSecondMs().get(i) : 0.0));
                }
                out.printf(Locale.ROOT, "  per second (acknowledged/p99 ms):%s%n", seconds);
            }
            out.printf(Locale.ROOT, "  whole run: %d sent, %d acknowledged, %d lost with connections, %d unanswered, "
                    + "%d deferred (window full)%n", r.sent(), r.acked(), r.lost(), r.unanswered(), r.deferred());
        }
        for (LoadResult.ServerUsage server : r.servers()) {
            out.printf(Locale.ROOT, "  server %s (pid %d): %.2f cores, RSS %d MiB%n", server.name(), server.pid(),
                    server.cores(), server.rssKbAfter() / 1024);
        }
        out.flush();
    }
}
