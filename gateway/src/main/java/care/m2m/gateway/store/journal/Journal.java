package care.m2m.gateway.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only segment files in one folder: {@code <number>.journal}, each an 8-byte header and then records of
 * {@code [int length][int CRC32C][payload]}. {@link #append} returns once the records are synced
 * ({@code fdatasync}); readers see only synced bytes. A segment is closed when it passes its size and a new one
 * begins; segments whose records have all been forwarded are deleted ({@link #release}), and at most
 * {@code maxBytes} of records may wait to be forwarded ({@link JournalFullException} beyond). On open, a record cut
 * short or failing its checksum (a crash during a write that was therefore never acknowledged) ends its
 * segment: the file is truncated there. Each start writes into a new segment. A lock file keeps a second
 * process off the folder.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final int HEADER_BYTES = 8;
    static final int RECORD_OVERHEAD = 8;
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    private static final int MAGIC = 0x4D324D4A; // "M2MJ"
    private static final int VERSION = 1;
    private static final int READ_CHUNK = 1024 * 1024;
    private static final String SUFFIX = ".journal";
    private static final String CHECKPOINT = "forwarded.position";

    /** Whole records read from the journal and the position right after the last of them. */
    record Read(List<byte[]> payloads, JournalPosition next) {
    }

    /** Where an append's records start and end. */
    record Appended(JournalPosition from, JournalPosition to) {
    }

    private final Path dir;
    private final long segmentBytes;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Synced size of every segment on disk, by number; the last one is the active segment. */
    private final ConcurrentSkipListMap<Long, Long> sizes = new ConcurrentSkipListMap<>();
    /** Where the forwarder has got to, as last reported to {@link #release}. */
    private volatile JournalPosition forwarded;
    private long activeSegment;
    private FileChannel active;
    private long activeSize;
    private boolean broken;

    private Journal(Path dir, long segmentBytes, long maxBytes, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.maxBytes = maxBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens the folder (created if missing), recovers its segments and starts a new one to write into. */
    static Journal open(Path dir, long segmentBytes, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw new IOException("cannot lock the telemetry journal in " + dir + ": " + e, e);
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another process holds the telemetry journal in " + dir);
        }
        Journal journal = new Journal(dir, segmentBytes, maxBytes, lockChannel, lock);
        try {
            journal.recover();
            journal.startSegment(journal.sizes.isEmpty() ? 1 : journal.sizes.lastKey() + 1);
            journal.forwarded = journal.start();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /**
     * Where forwarding starts after an open: the checkpoint an earlier run left (see {@link #checkpoint}) when it
     * still lies in the journal, else the first record.
     */
    private JournalPosition start() {
        JournalPosition first = new JournalPosition(sizes.firstKey(), HEADER_BYTES);
        try {
            List<String> saved = Files.readAllLines(dir.resolve(CHECKPOINT));
            String[] parts = saved.isEmpty() ? new String[0] : saved.getFirst().trim().split(" ");
            if (parts.length == 2) {
                JournalPosition at = new JournalPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                Long size = sizes.get(at.segment());
                if (size != null && at.offset() >= HEADER_BYTES && at.offset() <= size) {
                    return at;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("No usable forwarding checkpoint in {}: {}", dir, e.toString());
        }
        return first;
    }

    /**
     * Remembers how far forwarding got, so that the next start does not send the store again what it already
     * has. Not synced: a checkpoint lost in a crash only means more is sent again, which the store keeps once.
     */
    synchronized void checkpoint() {
        JournalPosition forwardedUpTo = forwarded;
        if (active == null) {
            return; // closed: another process may own the folder by now
        }
        Path temporary = dir.resolve(CHECKPOINT + ".tmp");
        try {
            Files.writeString(temporary, forwardedUpTo.segment() + " " + forwardedUpTo.offset() + "\n");
            Files.move(temporary, dir.resolve(CHECKPOINT), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Could not write the forwarding checkpoint in {}: {}", dir, e.toString());
        }
    }

    /** How far the records are in the store: where forwarding resumed at open, then as {@link #release} moves it. */
    JournalPosition forwarded() {
        return forwarded;
    }

    /** Bytes of records not yet in the store. */
    long backlogBytes() {
        return backlogBytes(forwarded);
    }

    /** Bytes written after the given position, which nobody has forwarded yet. */
    long backlogBytes(JournalPosition forwarded) {
        long backlog = 0;
        for (Map.Entry<Long, Long> segment : sizes.tailMap(forwarded.segment()).entrySet()) {
            long from = segment.getKey() == forwarded.segment() ? forwarded.offset() : HEADER_BYTES;
            backlog += Math.max(0, segment.getValue() - from);
        }
        return backlog;
    }

    /**
     * Writes the records and syncs them. Either all are durable when this returns, or none may be assumed
     * written (the segment is cut back to where it was).
     *
     * @throws JournalFullException when the journal holds its most bytes
     */
    synchronized Appended append(List<byte[]> payloads) throws IOException {
        if (!writable()) {
            throw new IOException("the telemetry journal in " + dir + " is closed or failed earlier");
        }
        long need = 0;
        for (byte[] payload : payloads) {
            if (payload.length == 0 || payload.length > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("a journal record of " + payload.length + " bytes is over the limit");
            }
            need += RECORD_OVERHEAD + payload.length;
        }
        long backlog = backlogBytes(forwarded);
        if (backlog > 0 && backlog + need > maxBytes) { // an empty journal takes any batch, however large
            throw new JournalFullException(backlog, maxBytes);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(need));
        CRC32C crc = new CRC32C();
        for (byte[] payload : payloads) {
            crc.reset();
            crc.update(payload);
            buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        buffer.flip();
        long from = activeSize;
        try {
            while (buffer.hasRemaining()) {
                active.write(buffer, activeSize + buffer.position());
            }
            active.force(false);
        } catch (IOException e) {
            cutBack(from);
            throw e;
        }
        activeSize += need;
        sizes.put(activeSegment, activeSize);
        Appended appended = new Appended(new JournalPosition(activeSegment, from),
                new JournalPosition(activeSegment, activeSize));
        if (activeSize >= segmentBytes) {
            roll();
        }
        return appended;
    }

    /** Whether appends can still succeed: not closed, and no failed write that could not be undone. */
    synchronized boolean writable() {
        return !broken && active != null;
    }

    Path folder() {
        return dir;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Reads up to {@code maxRecords} whole, synced records from the position on. */
    Read read(JournalPosition from, int maxRecords) throws IOException {
        JournalPosition at = normalise(from);
        Long size = sizes.get(at.segment());
        if (size == null || at.offset() >= size) {
            return new Read(List.of(), at);
        }
        List<byte[]> payloads = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(segmentPath(at.segment()), StandardOpenOption.READ)) {
            long offset = at.offset();
            while (payloads.size() < maxRecords && offset < size) {
                long parsed = parse(channel, offset, size, maxRecords - payloads.size(), payloads);
                if (parsed < 0) {
                    LOG.error("Telemetry journal segment {} is damaged at byte {}; skipping its remaining {} bytes",
                            at.segment(), offset, size - offset);
                    return new Read(payloads, new JournalPosition(at.segment(), size));
                }
                offset = parsed;
            }
            return new Read(payloads, new JournalPosition(at.segment(), offset));
        }
    }

    /** Records that everything before the position is in the store; deletes the closed segments wholly before it. */
    void release(JournalPosition forwardedUpTo) {
        JournalPosition at = normalise(forwardedUpTo);
        forwarded = at;
        for (Long segment : List.copyOf(sizes.headMap(at.segment()).keySet())) {
            delete(segment);
        }
    }

    /** Moves a position off the end of a closed segment onto the start of the next one. */
    JournalPosition normalise(JournalPosition position) {
        JournalPosition at = position;
        while (true) {
            Long segment = sizes.ceilingKey(at.segment());
            if (segment == null) {
                return at;
            }
            if (segment != at.segment()) {
                at = new JournalPosition(segment, HEADER_BYTES);
            }
            // the next segment first: a segment's size is final once a later segment exists (append stores the
            // size before a roll adds the next key), so a size read after seeing the next key cannot grow any more
            Long next = sizes.higherKey(at.segment());
            if (next == null) {
                return at;
            }
            Long size = sizes.get(at.segment());
            if (size == null) {
                continue; // deleted meanwhile: the ceiling moves on
            }
            if (at.offset() < size) {
                return at;
            }
            at = new JournalPosition(next, HEADER_BYTES);
        }
    }

    /**
     * Parses whole records from {@code offset} up to {@code end}; returns the offset after the last whole one,
     * or -1 when the bytes at {@code offset} are not a valid record.
     */
    private static long parse(FileChannel channel, long offset, long end, int maxRecords, List<byte[]> into)
            throws IOException {
        ByteBuffer head = ByteBuffer.allocate(RECORD_OVERHEAD);
        if (readAt(channel, head, offset) < RECORD_OVERHEAD) {
            return -1;
        }
        int length = head.getInt(0);
        if (length <= 0 || length > MAX_RECORD_BYTES || offset + RECORD_OVERHEAD + length > end) {
            return -1;
        }
        int chunk = (int) Math.min(end - offset, Math.max(READ_CHUNK, RECORD_OVERHEAD + (long) length));
        ByteBuffer buffer = ByteBuffer.allocate(chunk);
        if (readAt(channel, buffer, offset) < chunk) {
            return -1;
        }
        buffer.flip();
        long at = offset;
        CRC32C crc = new CRC32C();
        int found = 0;
        while (found < maxRecords && buffer.remaining() >= RECORD_OVERHEAD) {
            int recordLength = buffer.getInt(buffer.position());
            if (recordLength <= 0 || recordLength > MAX_RECORD_BYTES) { // zeros (a preallocated tail) are no record
                return found == 0 ? -1 : at;
            }
            if (buffer.remaining() < RECORD_OVERHEAD + recordLength) {
                break;
            }
            int checksum = buffer.getInt(buffer.position() + 4);
            byte[] payload = new byte[recordLength];
            buffer.position(buffer.position() + RECORD_OVERHEAD);
            buffer.get(payload);
            crc.reset();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                return found == 0 ? -1 : at;
            }
            into.add(payload);
            at += RECORD_OVERHEAD + recordLength;
            found++;
        }
        return at;
    }

    /** Reads from the offset until the buffer is full or the file ends; returns the bytes read. */
    private static int readAt(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        int start = buffer.position();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position() - start) < 0) {
                break;
            }
        }
        return buffer.position() - start;
    }

    private void recover() throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).forEach(n -> {
                try {
                    numbers.add(Long.parseLong(n.substring(0, n.length() - SUFFIX.length())));
                } catch (NumberFormatException e) {
                    LOG.warn("Ignoring {} in the telemetry journal folder {}", n, dir);
                }
            });
        }
        numbers.sort(null);
        long records = 0;
        for (long number : numbers) {
            records += recoverSegment(number);
        }
        if (records > 0) {
            LOG.info("Telemetry journal {}: {} records in {} segments to forward", dir, records, sizes.size());
        }
    }

    /** Checks a segment left by an earlier run, cuts off a torn tail; returns its record count. */
    private long recoverSegment(long number) throws IOException {
        Path path = segmentPath(number);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            if (size < HEADER_BYTES || readAt(channel, header, 0) < HEADER_BYTES || header.getInt(0) != MAGIC
                    || header.getInt(4) != VERSION) {
                LOG.warn("Telemetry journal segment {} has no valid header ({} bytes); deleting it", path, size);
                channel.close();
                Files.delete(path);
                return 0;
            }
            long offset = HEADER_BYTES;
            long records = 0;
            List<byte[]> scratch = new ArrayList<>();
            while (offset < size) {
                scratch.clear();
                long parsed = parse(channel, offset, size, Integer.MAX_VALUE, scratch);
                if (parsed < 0 || parsed == offset) {
                    break;
                }
                records += scratch.size();
                offset = parsed;
            }
            if (offset < size) {
                LOG.warn("Telemetry journal segment {}: the last {} bytes are an unfinished write; cutting them off",
                        path, size - offset);
                channel.truncate(offset);
                channel.force(true);
            }
            if (records == 0) {
                channel.close();
                Files.delete(path);
                return 0;
            }
            sizes.put(number, offset);
            return records;
        }
    }

    /**
     * Continues in a new segment. The records already appended are durable whatever happens here, so a failure to
     * start the next segment only logs and keeps writing into the current one (tried again after the next append).
     */
    private void roll() {
        FileChannel full = active;
        try {
            startSegment(activeSegment + 1);
        } catch (IOException e) {
            LOG.warn("Telemetry journal {}: cannot start segment {}, going on in segment {}: {}", dir,
                    activeSegment + 1, activeSegment, e.toString());
            return;
        }
        try {
            full.close();
        } catch (IOException e) {
            LOG.debug("Closing a full telemetry journal segment: {}", e.toString());
        }
    }

    private void startSegment(long number) throws IOException {
        Path path = segmentPath(number);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            channel.force(true);
            syncFolder();
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        active = channel;
        activeSegment = number;
        activeSize = HEADER_BYTES;
        sizes.put(number, (long) HEADER_BYTES);
    }

    private void cutBack(long size) {
        try {
            active.truncate(size);
            active.force(false);
        } catch (IOException e) {
            broken = true;
            LOG.error("Telemetry journal {} could not undo a failed write; it takes no more records", dir, e);
        }
    }

    private synchronized void delete(long segment) {
        if (segment == activeSegment) {
            return;
        }
        Long size = sizes.remove(segment);
        if (size == null) {
            return;
        }
        try {
            Files.deleteIfExists(segmentPath(segment));
        } catch (IOException e) {
            sizes.put(segment, size);
            LOG.warn("Could not delete forwarded telemetry journal segment {}: {}", segment, e.toString());
        }
    }

    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync the folder {} on this file system: {}", dir, e.toString());
        }
    }

    private Path segmentPath(long number) {
        return dir.resolve("%020d%s".formatted(number, SUFFIX));
    }

    @Override
    public synchronized void close() {
        try {
            if (active != null) {
                active.close();
                active = null;
            }
        } catch (IOException e) {
            LOG.warn("Closing the telemetry journal {}: {}", dir, e.toString());
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Releasing the telemetry journal lock in {}: {}", dir, e.toString());
        }
    }
}
