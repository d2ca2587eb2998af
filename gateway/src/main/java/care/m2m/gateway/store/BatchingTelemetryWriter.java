package care.m2m.gateway.store;

import care.m2m.gateway.metrics.GatewayMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The async face of a blocking {@link TelemetryStore}: {@link #write} returns at once with a future that
 * completes, on the caller's Vert.x context, only when the point is durable. One writer thread drains the
 * queue into batches (group commit: whatever arrived while the previous write ran goes into the next one),
 * so throughput grows with load while a lone message is written right away. A store that takes concurrent writes
 * (InfluxDB) gets several writer threads: while one batch waits for the server's fsync the next is already on its
 * way, which cuts the acknowledgement latency under load (each point's future still completes only after its own
 * batch is durable). The queue is bounded: when it is full the write fails at once with
 * {@link WriterOverloadedException} instead of growing the heap.
 */
public final class BatchingTelemetryWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingTelemetryWriter.class);

    private record Pending(TelemetryPoint point, Promise<Void> promise, Context context) {
    }

    private final TelemetryStore store;
    private final GatewayMetrics metrics;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean running = true;

    public BatchingTelemetryWriter(TelemetryStore store, GatewayMetrics metrics, int queueCapacity, int maxBatch) {
        this(store, metrics, queueCapacity, maxBatch, 1);
    }

    /** @param writers threads writing batches concurrently (1 keeps writes strictly one after another) */
    public BatchingTelemetryWriter(TelemetryStore store, GatewayMetrics metrics, int queueCapacity, int maxBatch,
            int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer thread is needed, got " + writers);
        }
        this.store = store;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        metrics.writerQueue(queue::size);
        for (int i = 0; i < writers; i++) {
            Thread thread = Thread.ofPlatform().name("m2mcare-telemetry-writer-" + i).daemon(true)
                    .unstarted(this::drainLoop);
            threads.add(thread);
            thread.start();
        }
    }

    /** Queues the point; the future completes when it is durable, or fails when the store refused it. */
    public Future<Void> write(TelemetryPoint point) {
        Context context = Vertx.currentContext();
        Promise<Void> promise = Promise.promise();
        if (!running) {
            return Future.failedFuture(new StoreUnavailableException("the telemetry writer is shut down"));
        }
        if (!queue.offer(new Pending(point, promise, context))) {
            return Future.failedFuture(new WriterOverloadedException(queue.remainingCapacity() + queue.size()));
        }
        return promise.future();
    }

    public String storeKind() {
        return store.kind();
    }

    public StoreHealth health() {
        StoreHealth health = store.health();
        String failure = lastFailure.get();
        if (health.up() && failure != null) {
            return StoreHealth.up(health.kind(), health.detail() + "; last write failure: " + failure);
        }
        return health;
    }

    public int queued() {
        return queue.size();
    }

    private void drainLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                LOG.error("Telemetry writer failed unexpectedly; failing the batch", e);
                complete(batch, e);
            } finally {
                batch.clear();
            }
        }
        failRemaining();
    }

    private void writeBatch(List<Pending> batch) {
        List<TelemetryPoint> points = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            points.add(p.point());
        }
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            store.write(points);
            lastFailure.set(null);
        } catch (RuntimeException e) {
            failure = e instanceof StoreUnavailableException ? e
                    : new StoreUnavailableException("telemetry store write failed: " + e.getMessage(), e);
            lastFailure.set(e.getMessage());
            LOG.warn("Telemetry store ({}) refused a batch of {} points: {}", store.kind(), points.size(), e.getMessage());
        }
        metrics.storeWrite(System.nanoTime() - start, points.size(), failure == null);
        complete(batch, failure);
    }

    /** Completes every promise on its own context, one hand-over per context rather than per point. */
    private static void complete(List<Pending> batch, Throwable failure) {
        Map<Context, List<Promise<Void>>> byContext = new IdentityHashMap<>();
        for (Pending p : batch) {
            if (p.context() == null) {
                settle(p.promise(), failure);
            } else {
                byContext.computeIfAbsent(p.context(), c -> new ArrayList<>()).add(p.promise());
            }
        }
        byContext.forEach((context, promises) -> context.runOnContext(v -> promises.forEach(p -> settle(p, failure))));
    }

    private static void settle(Promise<Void> promise, Throwable failure) {
        if (failure == null) {
            promise.tryComplete();
        } else {
            promise.tryFail(failure);
        }
    }

    private void failRemaining() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        complete(rest, new StoreUnavailableException("the telemetry writer is shut down"));
    }

    /** Stops taking points, writes what is queued, then stops the thread. Does not close the store. */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
