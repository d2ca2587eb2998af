package care.m2m.gateway.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final long SEGMENT_BYTES = 256;
    private static final long MAX_BYTES = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderAcrossSegments() throws IOException {
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            for (int i = 0; i < 50; i++) {
                journal.append(List.of(record(i), record(1000 + i)));
            }
            assertThat(segments()).hasSizeGreaterThan(5);
            assertThat(texts(readAll(journal, journal.forwarded()))).isEqualTo(expected(50));
        }
    }

    @Test
    void aRestartKeepsEveryRecordAndWritesIntoANewSegment() throws IOException {
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            for (int i = 0; i < 20; i++) {
                journal.append(List.of(record(i), record(1000 + i)));
            }
        }
        List<Path> before = segments();
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            assertThat(segments()).hasSize(before.size() + 1).containsAll(before);
            assertThat(texts(readAll(journal, journal.forwarded()))).isEqualTo(expected(20));
        }
    }

    @Test
    void anUnfinishedWriteAtTheEndIsCutOffOnOpen() throws IOException {
        try (Journal journal = Journal.open(dir, MAX_BYTES, MAX_BYTES)) {
            journal.append(List.of(record(1), record(2), record(3)));
        }
        Path segment = segments().getLast();
        long whole = Files.size(segment);
        // a crash in the middle of the next write: its length says 100 bytes, only 10 arrived
        Files.write(segment, ByteBuffer.allocate(18).putInt(100).putInt(0).array(), StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(dir, MAX_BYTES, MAX_BYTES)) {
            assertThat(Files.size(segment)).isEqualTo(whole);
            assertThat(texts(readAll(journal, journal.forwarded()))).containsExactly("record-1", "record-2", "record-3");
        }
    }

    @Test
    void aRecordFailingItsChecksumEndsTheSegment() throws IOException {
        try (Journal journal = Journal.open(dir, MAX_BYTES, MAX_BYTES)) {
            journal.append(List.of(record(1), record(2), record(3)));
        }
        Path segment = segments().getLast();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(segment, bytes);
        try (Journal journal = Journal.open(dir, MAX_BYTES, MAX_BYTES)) {
            assertThat(texts(readAll(journal, journal.forwarded()))).containsExactly("record-1", "record-2");
        }
    }

    @Test
    void forwardedSegmentsAreDeletedAndOnlyTheActiveOneStays() throws IOException {
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            for (int i = 0; i < 30; i++) {
                journal.append(List.of(record(i)));
            }
            Journal.Read read = journal.read(journal.forwarded(), Integer.MAX_VALUE);
            JournalPosition end = read.next();
            while (!read.payloads().isEmpty()) {
                read = journal.read(end, Integer.MAX_VALUE);
                end = read.next();
            }
            assertThat(journal.backlogBytes(end)).isZero();
            journal.release(end);
            assertThat(segments()).hasSize(1);
        }
    }

    @Test
    void aFullJournalRefusesWritesUntilItsRecordsAreForwarded() throws IOException {
        long max = 1024 * 1024;
        byte[] big = new byte[100_000];
        try (Journal journal = Journal.open(dir, 256 * 1024, max)) {
            int appended = 0;
            while (true) {
                try {
                    journal.append(List.of(big));
                    appended++;
                } catch (JournalFullException full) {
                    assertThat(full).hasMessageContaining("retry later");
                    break;
                }
            }
            assertThat(appended).isEqualTo(10);
            journal.release(lastPosition(journal));
            journal.append(List.of(big));
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameFolder() throws IOException {
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            journal.append(List.of(record(1)));
            assertThatThrownBy(() -> Journal.open(dir, SEGMENT_BYTES, MAX_BYTES))
                    .isInstanceOfAny(IOException.class, java.nio.channels.OverlappingFileLockException.class);
        }
    }

    @Test
    void zerosAfterTheLastRecordAreNoRecords() throws IOException {
        try (Journal journal = Journal.open(dir, MAX_BYTES, MAX_BYTES)) {
            journal.append(List.of(record(1), record(2)));
        }
        Path segment = segments().getLast();
        long whole = Files.size(segment);
        Files.write(segment, new byte[64], StandardOpenOption.APPEND); // a file system that extended the file
        try (Journal journal = Journal.open(dir, MAX_BYTES, MAX_BYTES)) {
            assertThat(Files.size(segment)).isEqualTo(whole);
            assertThat(texts(readAll(journal, journal.forwarded()))).containsExactly("record-1", "record-2");
        }
    }

    @Test
    void anEmptyJournalTakesABatchLargerThanItsLimit() throws IOException {
        try (Journal journal = Journal.open(dir, 4 * 1024 * 1024, 1024 * 1024)) {
            journal.append(List.of(new byte[700_000], new byte[700_000]));
            assertThatThrownBy(() -> journal.append(List.of(record(1)))).isInstanceOf(JournalFullException.class);
        }
    }

    @Test
    void forwardingResumesFromTheCheckpointAfterARestart() throws IOException {
        JournalPosition checkpoint;
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            for (int i = 0; i < 20; i++) {
                journal.append(List.of(record(i)));
            }
            Journal.Read firstFive = journal.read(journal.forwarded(), 5);
            checkpoint = firstFive.next();
            journal.release(checkpoint);
            journal.checkpoint();
        }
        try (Journal journal = Journal.open(dir, SEGMENT_BYTES, MAX_BYTES)) {
            assertThat(journal.forwarded()).isEqualTo(checkpoint);
            List<String> rest = texts(readAll(journal, journal.forwarded()));
            assertThat(rest).hasSize(15).startsWith("record-5").endsWith("record-19");
        }
    }

    private static JournalPosition lastPosition(Journal journal) throws IOException {
        JournalPosition at = journal.forwarded();
        Journal.Read read;
        do {
            read = journal.read(at, Integer.MAX_VALUE);
            at = read.next();
        } while (!read.payloads().isEmpty());
        return at;
    }

    private static List<byte[]> readAll(Journal journal, JournalPosition from) throws IOException {
        List<byte[]> all = new ArrayList<>();
        JournalPosition at = from;
        while (true) {
            Journal.Read read = journal.read(at, 7);
            if (read.payloads().isEmpty()) {
                return all;
            }
            all.addAll(read.payloads());
            at = read.next();
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
        }
    }

    private static byte[] record(int i) {
        return ("record-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> payloads) {
        return payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }

    private static List<String> expected(int appends) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < appends; i++) {
            texts.add("record-" + i);
            texts.add("record-" + (1000 + i));
        }
        return texts;
    }
}
