package care.m2m.sim.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link Summary} for people (aligned text) and for machines (JSON, same field names as the record). */
public final class SummaryWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryWriter() {
    }

    public static void printText(Summary s, PrintWriter out) {
        out.println("device-sim summary");
        line(out, "devices", s.devicesConnected() + " of " + s.devices() + " connected");
        line(out, "duration", String.format(Locale.ROOT, "%.1f s", s.durationSeconds()));
        line(out, "sent", Long.toString(s.sent()));
        line(out, "acknowledged", Long.toString(s.acknowledged()));
        line(out, "rejected", s.rejected() + reasons(s));
        line(out, "failed", s.failed() + " (timeouts " + s.failedTimeouts() + ", connection losses "
                + s.failedConnectionLoss() + ")");
        line(out, "deferred", s.deferred() + " telemetry samples (offline or window full)");
        line(out, "throughput", String.format(Locale.ROOT, "%.1f msg/s", s.messagesPerSecond()));
        Summary.LatencyMillis l = s.ackLatencyMs();
        line(out, "ack latency", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", l.p50(), l.p99(),
                l.max()));
        line(out, "events sent", Long.toString(s.eventsSent()));
        Summary.Commands c = s.commands();
        line(out, "commands", c.received() + " received, " + c.accepted() + " accepted, " + c.executed()
                + " executed, " + c.failed() + " failed, " + c.rejected() + " rejected, " + c.redelivered()
                + " redelivered (ignored)");
        Summary.Repairs r = s.repairs();
        line(out, "faults", r.faultsReported() + " reported, " + r.repairCommands() + " repair commands received, "
                + r.repairsCleared() + " repairs cleared the fault");
        line(out, "fault->command", latency(r.faultToCommandMs()) + " (from the fault event)");
        line(out, "onset->command", latency(r.onsetToCommandMs()) + " (from the fault's start; "
                + r.commandsBeforeReport() + " came before the event)");
        line(out, "tips received", Long.toString(s.tipsReceived()));
        line(out, "connections", s.connectFailures() + " connect failures, " + s.connectionLosses() + " losses, "
                + s.offlineEpisodes() + " offline episodes");
        line(out, "retries", s.retries() + " messages sent again later as the gateway asked (CoAP 5.03)");
        line(out, "exit code", Integer.toString(s.exitCode()));
        out.flush();
    }

    private static String latency(Summary.LatencyMillis l) {
        return String.format(Locale.ROOT, "n %d, p50 %.0f ms, p99 %.0f ms, max %.0f ms", l.count(), l.p50(), l.p99(),
                l.max());
    }

    private static String reasons(Summary s) {
        if (s.rejectedByReason().isEmpty()) {
            return "";
        }
        return s.rejectedByReason().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "  %-14s %s%n", label, value);
    }

    public static String toJson(Summary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the summary as JSON", e);
        }
    }

    public static void writeJson(Summary summary, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(summary) + System.lineSeparator());
    }

    public static Summary readJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Summary.class);
    }
}
