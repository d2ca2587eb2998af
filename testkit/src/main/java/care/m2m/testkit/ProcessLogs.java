package care.m2m.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of a server's log, for failure messages: when a server will not start, the reason is almost
 * always in its last lines, and the temporary folder holding the log is gone once the JVM exits.
 */
public final class ProcessLogs {

    /** How many lines a failure message quotes by default. */
    public static final int DEFAULT_LINES = 40;

    private ProcessLogs() {
    }

    /** The last {@code maxLines} lines of the file, or a note saying why there are none. */
    public static String tail(Path log, int maxLines) {
        if (!Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "(log " + log + " is empty)";
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "(cannot read log " + log + ": " + e.getMessage() + ")";
        }
    }

    /** A failure message followed by the log's last lines. */
    public static String withTail(String message, Path log) {
        return message + "\n--- last lines of " + log + " ---\n" + tail(log, DEFAULT_LINES) + "\n---";
    }
}
