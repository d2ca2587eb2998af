package care.m2m.gateway.store;

import java.util.List;

/**
 * Where telemetry lives: InfluxDB in production, an embedded database under the data folder by default.
 * Methods block: callers run them on worker threads, never on an event loop (the gateway wraps every store
 * in a {@link BatchingTelemetryWriter}). Every implementation passes the same contract tests.
 */
public interface TelemetryStore extends AutoCloseable {

    /** A short name for logs, health and metrics: {@code influxdb} or {@code embedded}. */
    String kind();

    /**
     * Stores the points. When this method returns normally, every point is durable: it survives a restart of
     * the gateway. Writing the same point (device, timestamp) twice keeps one copy.
     *
     * @throws StoreUnavailableException when the store cannot take the points now; none of them may be assumed stored
     */
    void write(List<TelemetryPoint> points);

    /** Points of one device within the query's time range, oldest first, at most {@code query.limit()} of them. */
    List<TelemetryPoint> query(TelemetryQuery query);

    /** A quick check that the store answers; never throws. */
    StoreHealth health();

    @Override
    void close();
}
