package care.m2m.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLogsTest {

    @TempDir
    Path dir;

    @Test
    void quotesOnlyTheLastLinesOfALog() throws IOException {
        Path log = dir.resolve("server.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

        assertThat(ProcessLogs.tail(log, 3)).isEqualTo("line 98\nline 99\nline 100");
    }

    @Test
    void saysSoWhenThereIsNoLog() {
        assertThat(ProcessLogs.withTail("influxd exited", dir.resolve("missing.log")))
                .startsWith("influxd exited")
                .contains("no log at");
    }
}
