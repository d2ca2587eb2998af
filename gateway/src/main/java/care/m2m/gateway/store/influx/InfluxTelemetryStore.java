package care.m2m.gateway.store.influx;

import care.m2m.gateway.store.StoreHealth;
import care.m2m.gateway.store.StoreRejectedException;
import care.m2m.gateway.store.StoreUnavailableException;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.Pong;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry in InfluxDB 1.x. Each {@link #write} is one synchronous HTTP write of the whole batch: InfluxDB
 * answers only after its write-ahead log is synced, so a normal return means the points are durable. The
 * client's own asynchronous batching is deliberately not used, because it drops points on long outages.
 * The store opens even while InfluxDB is down (the gateway starts and reports health down); the database is
 * created on open when possible, else before the first write that reaches the server.
 */
public final class InfluxTelemetryStore implements TelemetryStore {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxTelemetryStore.class);
    private static final String KIND = "influxdb";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final InfluxSettings settings;
    private final OkHttpClient http;
    private final InfluxDB influx;
    private final InfluxDB healthProbe;
    private volatile boolean databaseReady;

    private InfluxTelemetryStore(InfluxSettings settings) {
        this.settings = settings;
        this.http = new OkHttpClient.Builder()
                .socketFactory(new NoDelaySockets())
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.timeout().multipliedBy(2))
                .build();
        Duration probe = settings.timeout().compareTo(HEALTH_TIMEOUT) < 0 ? settings.timeout() : HEALTH_TIMEOUT;
        this.influx = connect(http.newBuilder());
        this.healthProbe = connect(http.newBuilder().connectTimeout(probe).readTimeout(probe).callTimeout(probe));
    }

    /** Opens the store; never fails because InfluxDB is unreachable, which {@link #health()} then reports. */
    public static InfluxTelemetryStore open(InfluxSettings settings) {
        InfluxTelemetryStore store = new InfluxTelemetryStore(settings);
        try {
            store.ensureDatabase();
            LOG.info("Telemetry store: InfluxDB at {}, database {}", settings.url(), settings.database());
        } catch (StoreUnavailableException e) {
            LOG.warn("InfluxDB at {} is not reachable yet ({}); the database {} will be created on the first write",
                    settings.url(), e.getMessage(), settings.database());
        }
        return store;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void write(List<TelemetryPoint> points) {
        InfluxLineProtocol.Lines lines;
        try {
            lines = InfluxLineProtocol.encode(points);
        } catch (IllegalArgumentException e) {
            throw new StoreRejectedException("InfluxDB cannot take these points: " + e.getMessage(), e);
        }
        if (lines.count() == 0) {
            return;
        }
        ensureDatabase();
        try {
            send(lines.text());
        } catch (InfluxDBException.DatabaseNotFoundException e) {
            LOG.warn("InfluxDB database {} disappeared; creating it again", settings.database());
            databaseReady = false;
            ensureDatabase();
            retry(lines);
        } catch (InfluxDBException e) {
            throw unavailable("write of " + lines.count() + " points", e);
        }
    }

    private void send(String lineProtocol) {
        influx.write(settings.database(), settings.retentionPolicy(), InfluxDB.ConsistencyLevel.ONE,
                TimeUnit.MILLISECONDS, lineProtocol);
    }

    private void retry(InfluxLineProtocol.Lines lines) {
        try {
            send(lines.text());
        } catch (InfluxDBException e) {
            throw unavailable("write of " + lines.count() + " points", e);
        }
    }

    @Override
    public List<TelemetryPoint> query(TelemetryQuery query) {
        String influxql = "SELECT " + InfluxMapping.selection(query.metrics())
                + " FROM " + InfluxMapping.quote(InfluxMapping.MEASUREMENT)
                + " WHERE " + InfluxMapping.quote(InfluxMapping.DEVICE_TAG) + "::tag = $device"
                + " AND time >= $from AND time < $to ORDER BY time ASC LIMIT " + query.limit();
        Query bound = new Query(influxql, settings.database(), true)
                .bindParameter("device", query.deviceId())
                .bindParameter("from", InfluxMapping.nanos(query.from()))
                .bindParameter("to", InfluxMapping.nanos(query.to()));
        QueryResult result;
        try {
            result = influx.query(bound, TimeUnit.MILLISECONDS);
        } catch (InfluxDBException e) {
            throw unavailable("query for device " + query.deviceId(), e);
        }
        if (result.hasError()) {
            throw new StoreUnavailableException("InfluxDB refused the query for device " + query.deviceId() + ": "
                    + result.getError());
        }
        QueryResult.Result statement = result.getResults().getFirst();
        if (statement.hasError()) {
            if (statement.getError().startsWith("database not found")) {
                return List.of();
            }
            throw new StoreUnavailableException("InfluxDB refused the query for device " + query.deviceId() + ": "
                    + statement.getError());
        }
        return InfluxMapping.fromResult(query.deviceId(), statement);
    }

    @Override
    public StoreHealth health() {
        try {
            Pong pong = healthProbe.ping();
            return StoreHealth.up(KIND, "InfluxDB " + pong.getVersion() + " at " + settings.url() + ", database "
                    + settings.database() + (databaseReady ? "" : " (not created yet)"));
        } catch (RuntimeException e) {
            return StoreHealth.down(KIND, "InfluxDB at " + settings.url() + " does not answer: " + reason(e));
        }
    }

    @Override
    public void close() {
        influx.close();
        healthProbe.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** CREATE DATABASE is idempotent in InfluxDB 1.x; a user without admin rights relies on it existing. */
    private void ensureDatabase() {
        if (databaseReady) {
            return;
        }
        QueryResult result;
        try {
            result = influx.query(new Query("CREATE DATABASE " + InfluxMapping.quote(settings.database()), null, true));
        } catch (InfluxDBException.AuthorizationFailedException e) {
            LOG.warn("Not allowed to create the InfluxDB database {}; assuming it exists: {}",
                    settings.database(), e.getMessage());
            databaseReady = true;
            return;
        } catch (InfluxDBException e) {
            throw unavailable("creation of database " + settings.database(), e);
        }
        String error = result.hasError() ? result.getError()
                : result.getResults().getFirst().hasError() ? result.getResults().getFirst().getError() : null;
        if (error != null && !error.contains("privilege")) {
            throw new StoreUnavailableException("InfluxDB refused to create database " + settings.database() + ": " + error);
        }
        if (error != null) {
            LOG.warn("Not allowed to create the InfluxDB database {}; assuming it exists: {}", settings.database(), error);
        }
        databaseReady = true;
    }

    private InfluxDB connect(OkHttpClient.Builder builder) {
        return settings.authenticated()
                ? InfluxDBFactory.connect(settings.url(), settings.username(), settings.password(), builder)
                : InfluxDBFactory.connect(settings.url(), builder);
    }

    private StoreUnavailableException unavailable(String what, InfluxDBException e) {
        if (e instanceof InfluxDBException.FieldTypeConflictException
                || e instanceof InfluxDBException.UnableToParseException
                || e instanceof InfluxDBException.PointsBeyondRetentionPolicyException) {
            return new StoreRejectedException(what + " failed: InfluxDB at " + settings.url()
                    + " refused points of it: " + reason(e), e);
        }
        String why = e instanceof InfluxDBIOException ? "InfluxDB at " + settings.url() + " is unreachable"
                : "InfluxDB at " + settings.url() + " refused it";
        return new StoreUnavailableException(what + " failed: " + why + ": " + reason(e), e);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
