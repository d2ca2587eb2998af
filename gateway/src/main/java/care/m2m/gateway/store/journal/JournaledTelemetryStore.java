package care.m2m.gateway.store.journal;

import care.m2m.gateway.store.StoreHealth;
import care.m2m.gateway.store.StoreRejectedException;
import care.m2m.gateway.store.StoreUnavailableException;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A telemetry store that is durable as soon as its {@link Journal} is: {@link #write} appends the points to the
 * journal and returns once they are synced, and one forwarder thread writes them on to the real store in
 * batches, in order, retrying with back-off for as long as the store refuses (an InfluxDB outage becomes a
 * growing journal instead of refused devices, up to the journal's size). After a crash or a restart the
 * forwarder starts again from the oldest record not known to be forwarded; the store's "same point twice keeps
 * one copy" makes the repeats harmless. Recently appended points are kept in memory for the forwarder, so in
 * the normal case the journal is written and synced but not read back. Queries go to the real store and see
 * a point once it has been forwarded (normally a few milliseconds after its acknowledgement).
 */
public final class JournaledTelemetryStore implements TelemetryStore {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledTelemetryStore.class);
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long MIN_BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACK_OFF_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(10);
    /**
     * Backlog beyond which a write waits for the forwarder while the store takes writes: an outage is absorbed up
     * to the journal's size, but a store that is merely slower than the devices slows their acknowledgements down
     * instead of letting the journal grow without end (about 14,000 typical points, a quarter of a second at
     * 55,000 msg/s).
     */
    public static final long DEFAULT_LAG_BYTES = 4L * 1024 * 1024;
    private static final long LAG_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long CHECKPOINT_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final String REJECTED = "rejected.jsonl";

    /** Points appended together and where their records lie. */
    private record Chunk(JournalPosition from, JournalPosition to, List<TelemetryPoint> points) {
    }

    /** What the forwarder writes next, and the position after it. */
    private record Batch(List<TelemetryPoint> points, JournalPosition to) {
    }

    private final TelemetryStore store;
    private final Journal journal;
    private final int maxBatch;
    private final int recentLimit;
    private final ConcurrentLinkedQueue<Chunk> recent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recentPoints = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Thread forwarder;
    private final Duration drainOnClose;
    private final long lagBytes;
    private final Object caughtUp = new Object();
    private final AtomicLong rejected = new AtomicLong();
    /** Backlog the writers need not wait for: what an outage or an earlier run left, shrinking as it drains. */
    private volatile long catchUpBytes;
    /** The last append was refused because the journal held its most bytes. */
    private volatile boolean full;
    private volatile boolean running = true;
    private volatile long drainDeadline = Long.MAX_VALUE;

    private JournaledTelemetryStore(TelemetryStore store, Journal journal, int maxBatch, Duration drainOnClose,
            long lagBytes) {
        this.store = store;
        this.lagBytes = lagBytes;
        this.drainOnClose = drainOnClose;
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.recentLimit = 4 * maxBatch;
        this.forwarder = Thread.ofPlatform().name("m2mcare-journal-forwarder").daemon(true).unstarted(this::forwardLoop);
    }

    /**
     * Opens (or recovers) the journal in the folder and starts forwarding to the store, beginning with what an
     * earlier run left unforwarded.
     *
     * @param maxBytes most bytes of records waiting for the store before writes are refused
     * @param maxBatch most points per write to the store
     */
    public static JournaledTelemetryStore open(TelemetryStore store, Path folder, long maxBytes, long segmentBytes,
            int maxBatch) {
        return open(store, folder, maxBytes, segmentBytes, maxBatch, DRAIN_ON_CLOSE, DEFAULT_LAG_BYTES);
    }

    /**
     * @param drainOnClose how long {@link #close} lets the forwarder empty the journal into the store
     * @param lagBytes backlog beyond which writes wait for the forwarder while the store takes writes
     */
    static JournaledTelemetryStore open(TelemetryStore store, Path folder, long maxBytes, long segmentBytes,
            int maxBatch, Duration drainOnClose, long lagBytes) {
        Journal journal;
        try {
            journal = Journal.open(folder, segmentBytes, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the telemetry journal in " + folder, e);
        }
        JournaledTelemetryStore journaled = new JournaledTelemetryStore(store, journal, maxBatch, drainOnClose, lagBytes);
        journaled.forwarder.start();
        LOG.info("Telemetry journal in {} (at most {} MiB waiting) in front of the {} store", folder,
                maxBytes / (1024 * 1024), store.kind());
        return journaled;
    }

    @Override
    public String kind() {
        return store.kind();
    }

    /**
     * Durable when this returns: the points are synced to the journal; the store gets them shortly after. While the
     * store takes writes but lags more than the lag limit behind, this first waits for it (flow control: the
     * devices' acknowledgements slow down to what the store absorbs); while the store refuses, it does not wait.
     */
    @Override
    public void write(List<TelemetryPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        awaitForwarder();
        if (!running) {
            throw new StoreUnavailableException("the telemetry journal is shut down");
        }
        List<byte[]> payloads = new ArrayList<>(points.size());
        for (TelemetryPoint point : points) {
            payloads.add(JournalRecords.encode(point));
        }
        synchronized (this) {
            Journal.Appended appended;
            try {
                appended = journal.append(payloads);
                full = false;
            } catch (JournalFullException e) {
                full = true;
                throw e;
            } catch (IOException e) {
                throw new StoreUnavailableException("the telemetry journal cannot write: " + e.getMessage(), e);
            }
            if (recentPoints.addAndGet(points.size()) <= recentLimit) {
                recent.add(new Chunk(appended.from(), appended.to(), List.copyOf(points)));
            } else {
                recentPoints.addAndGet(-points.size());
            }
        }
        LockSupport.unpark(forwarder);
    }

    @Override
    public List<TelemetryPoint> query(TelemetryQuery query) {
        return store.query(query);
    }

    /**
     * Up while the journal takes writes, even when the store behind it is down (its points wait in the
     * journal); down when the journal is full or failed.
     */
    @Override
    public StoreHealth health() {
        StoreHealth behind = store.health();
        long backlog = backlogBytes();
        String failure = lastFailure.get();
        String detail = behind.detail() + "; journal " + journal.folder() + ": " + backlog + " bytes waiting for "
                + behind.kind() + (failure == null ? "" : " (last forward failure: " + failure + ")")
                + (rejected.get() == 0 ? "" : ", " + rejected.get() + " refused points set aside in " + REJECTED);
        if (!journal.writable()) {
            return StoreHealth.down(behind.kind(), detail + "; the journal takes no writes");
        }
        if (full) {
            return StoreHealth.down(behind.kind(), detail + "; the journal is full");
        }
        return StoreHealth.up(behind.kind(), detail);
    }

    private void awaitForwarder() {
        synchronized (caughtUp) {
            while (running && forwarder.isAlive() && lastFailure.get() == null
                    && backlogBytes() > lagBytes + catchUpBytes) {
                try {
                    caughtUp.wait(TimeUnit.NANOSECONDS.toMillis(LAG_WAIT_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException("interrupted while waiting for the telemetry journal");
                }
            }
        }
    }

    /** Bytes of records appended but not yet written to the store. */
    public long backlogBytes() {
        return journal.backlogBytes();
    }

    /** Points the store refused as such (not for being down), set aside in {@code rejected.jsonl}. */
    public long rejectedPoints() {
        return rejected.get();
    }

    private void forwardLoop() {
        Batch pending = null;
        long backOff = 0;
        long lastCheckpoint = System.nanoTime();
        catchUpBytes = backlogBytes();
        while (running || System.nanoTime() <= drainDeadline) {
            try {
                if (pending == null) {
                    pending = next(journal.forwarded());
                    if (pending.points().isEmpty()) {
                        advance(pending.to());
                        pending = null;
                        if (!running) {
                            break;
                        }
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                        continue;
                    }
                }
                writeSplitting(pending.points());
                advance(pending.to());
                pending = null;
                backOff = 0;
                if (lastFailure.getAndSet(null) != null) {
                    catchUpBytes = backlogBytes(); // writers keep going while the outage's backlog drains
                    LOG.info("Telemetry store ({}) takes writes again; forwarding {} journalled bytes", store.kind(),
                            catchUpBytes);
                }
                if (System.nanoTime() - lastCheckpoint > CHECKPOINT_NANOS) {
                    journal.checkpoint();
                    lastCheckpoint = System.nanoTime();
                }
            } catch (Throwable e) { // an Error too: this thread must outlive anything one batch can throw
                String reason = e.getMessage() != null ? e.getMessage() : e.toString();
                if (lastFailure.getAndSet(reason) == null) {
                    LOG.warn("Telemetry store ({}) refused {} journalled points; they stay in the journal and are "
                            + "retried: {}", store.kind(), pending == null ? 0 : pending.points().size(), reason,
                            e instanceof StoreUnavailableException ? null : e);
                }
                synchronized (caughtUp) {
                    caughtUp.notifyAll(); // writers waiting for a lagging store stop waiting for a refusing one
                }
                if (!running) {
                    break;
                }
                backOff = backOff == 0 ? MIN_BACK_OFF_NANOS : Math.min(MAX_BACK_OFF_NANOS, backOff * 2);
                LockSupport.parkNanos(backOff);
            }
        }
        journal.checkpoint();
    }

    /** Everything before the position is in the store: move on, delete what is wholly forwarded, wake writers. */
    private void advance(JournalPosition to) {
        journal.release(to);
        long backlog = backlogBytes();
        catchUpBytes = Math.min(catchUpBytes, backlog);
        if (full && backlog < journal.maxBytes() * 9 / 10) {
            full = false; // room again, even before the next append proves it
        }
        synchronized (caughtUp) {
            caughtUp.notifyAll();
        }
    }

    /**
     * Writes the points. When the store refuses some of them as such ({@link StoreRejectedException}), the batch
     * is split until each refused point is alone; those are set aside, the rest is written. Any other failure
     * leaves the whole batch to be retried (points already written are kept once).
     */
    private void writeSplitting(List<TelemetryPoint> points) {
        try {
            store.write(points);
        } catch (StoreRejectedException e) {
            if (points.size() == 1) {
                setAside(points.getFirst(), e);
                return;
            }
            int half = points.size() / 2;
            writeSplitting(points.subList(0, half));
            writeSplitting(points.subList(half, points.size()));
        }
    }

    private void setAside(TelemetryPoint point, StoreRejectedException why) {
        rejected.incrementAndGet();
        JsonObject values = new JsonObject();
        point.values().forEach((name, value) -> values.put(name, value.raw()));
        String line = new JsonObject().put("device", point.deviceId()).put("model", point.model())
                .put("ts", point.timestamp().toString()).put("metrics", values).put("reason", why.getMessage())
                .encode() + "\n";
        LOG.error("Telemetry store ({}) refuses a point of {} at {} as such; set aside in {}: {}", store.kind(),
                point.deviceId(), point.timestamp(), journal.folder().resolve(REJECTED), why.getMessage());
        try {
            Files.writeString(journal.folder().resolve(REJECTED), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("Could not write the refused point to {}: {} (the point: {})", REJECTED, e.toString(), line);
        }
    }

    /** The next points after the position: from memory when they are there, else read back from the journal. */
    private Batch next(JournalPosition position) throws IOException {
        JournalPosition at = journal.normalise(position);
        Chunk head = recent.peek();
        while (head != null && head.from().compareTo(at) < 0) {
            dropHead();
            head = recent.peek();
        }
        if (head != null && head.from().equals(at)) {
            List<TelemetryPoint> points = new ArrayList<>(head.points());
            JournalPosition to = head.to();
            dropHead();
            head = recent.peek();
            while (head != null && head.from().equals(journal.normalise(to))
                    && points.size() + head.points().size() <= maxBatch) {
                points.addAll(head.points());
                to = head.to();
                dropHead();
                head = recent.peek();
            }
            return new Batch(points, to);
        }
        Journal.Read read = journal.read(at, maxBatch);
        List<TelemetryPoint> points = new ArrayList<>(read.payloads().size());
        for (byte[] payload : read.payloads()) {
            try {
                points.add(JournalRecords.decode(payload));
            } catch (IllegalArgumentException e) {
                LOG.error("Skipping a telemetry journal record that cannot be read: {}", e.getMessage());
            }
        }
        return new Batch(points, read.next());
    }

    private void dropHead() {
        Chunk dropped = recent.poll();
        if (dropped != null) {
            recentPoints.addAndGet(-dropped.points().size());
        }
    }

    /**
     * Stops taking writes, gives the forwarder up to ten seconds (by default) to empty the journal into the store, then
     * closes both; what is left is forwarded after the next start.
     */
    @Override
    public void close() {
        drainDeadline = System.nanoTime() + drainOnClose.toNanos();
        running = false;
        LockSupport.unpark(forwarder);
        try {
            forwarder.join(drainOnClose.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = backlogBytes();
        if (left > 0) {
            LOG.warn("Telemetry journal {}: {} bytes not yet in the {} store; they are forwarded after the next start",
                    journal.folder(), left, store.kind());
        }
        synchronized (this) {
            journal.close();
        }
        store.close();
    }
}
