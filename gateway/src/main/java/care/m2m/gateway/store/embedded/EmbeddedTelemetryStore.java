package care.m2m.gateway.store.embedded;

import care.m2m.gateway.store.StoreHealth;
import care.m2m.gateway.store.StoreUnavailableException;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry in an H2 file database under the data folder ({@code <dataDir>/telemetry.mv.db}). H2 commits to
 * memory and writes to its file in the background, so a process killed right after a commit can lose it:
 * every {@link #write} therefore commits one transaction for the whole batch and then forces it to disk
 * ({@code CHECKPOINT SYNC}) before returning. One connection writes (writes are serialized, which the
 * batching writer in front of the store does anyway) and another one reads, so that queries never wait for a
 * disk sync.
 */
public final class EmbeddedTelemetryStore implements TelemetryStore {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTelemetryStore.class);
    private static final String KIND = "embedded";

    private final Path file;
    private final String url;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private Connection writer;
    private Connection reader;
    private volatile boolean closed;

    /**
     * Opens (creating when needed) the database {@code <dataDir>/telemetry}.
     *
     * @throws StoreUnavailableException when the file cannot be opened, for instance because another process holds it
     */
    public EmbeddedTelemetryStore(Path dataDir) {
        this.file = dataDir.toAbsolutePath().resolve("telemetry");
        // DB_CLOSE_ON_EXIT=FALSE: the gateway closes the store in its own shutdown order, after the last write.
        this.url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        synchronized (writeLock) {
            try (Statement ddl = writer().createStatement()) {
                ddl.execute(TelemetryTable.CREATE);
                writer.commit();
            } catch (SQLException e) {
                close();
                throw new StoreUnavailableException("cannot open the embedded telemetry database " + file
                        + ".mv.db: " + e.getMessage(), e);
            }
        }
        LOG.info("Telemetry store: embedded H2 at {}.mv.db", file);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void write(List<TelemetryPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            ensureOpen();
            try {
                Connection connection = writer();
                try (PreparedStatement merge = connection.prepareStatement(TelemetryTable.MERGE);
                     Statement sync = connection.createStatement()) {
                    for (TelemetryPoint point : points) {
                        TelemetryTable.addToBatch(merge, point);
                    }
                    merge.executeBatch();
                    connection.commit();
                    sync.execute("CHECKPOINT SYNC");
                }
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreUnavailableException("embedded telemetry store could not write " + points.size()
                        + " points to " + file + ".mv.db: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<TelemetryPoint> query(TelemetryQuery query) {
        synchronized (readLock) {
            ensureOpen();
            try (PreparedStatement select = reader().prepareStatement(TelemetryTable.select(query.metrics().size()))) {
                TelemetryTable.bindSelect(select, query.deviceId(), ceilMillis(query.from()), ceilMillis(query.to()),
                        query.metrics(), query.limit());
                try (ResultSet rows = select.executeQuery()) {
                    return TelemetryTable.readPoints(query.deviceId(), rows);
                }
            } catch (SQLException e) {
                throw new StoreUnavailableException("embedded telemetry store could not read device "
                        + query.deviceId() + " from " + file + ".mv.db: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public StoreHealth health() {
        if (closed) {
            return StoreHealth.down(KIND, "closed");
        }
        synchronized (readLock) {
            try (Statement probe = reader().createStatement(); ResultSet one = probe.executeQuery("SELECT 1")) {
                one.next();
                return StoreHealth.up(KIND, "H2 at " + file + ".mv.db");
            } catch (SQLException | RuntimeException e) {
                return StoreHealth.down(KIND, "H2 at " + file + ".mv.db does not answer: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (writeLock) {
            writer = closeQuietly(writer);
        }
        synchronized (readLock) {
            reader = closeQuietly(reader);
        }
    }

    /** The write connection, opened again if H2 closed it after a failure (a full disk, for instance). */
    private Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = DriverManager.getConnection(url);
            writer.setAutoCommit(false);
        }
        return writer;
    }

    private Connection reader() throws SQLException {
        if (reader == null || reader.isClosed()) {
            reader = DriverManager.getConnection(url);
            reader.setReadOnly(true);
        }
        return reader;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException("the embedded telemetry store at " + file + ".mv.db is closed");
        }
    }

    private void rollbackQuietly() {
        try {
            if (writer != null && !writer.isClosed()) {
                writer.rollback();
            }
        } catch (SQLException e) {
            LOG.warn("Rollback of a failed telemetry write failed too: {}", e.getMessage());
        }
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the embedded telemetry database failed: {}", e.getMessage());
            }
        }
        return null;
    }

    /** The first whole millisecond at or after the instant, saturating instead of overflowing. */
    static long ceilMillis(Instant instant) {
        try {
            long floor = instant.toEpochMilli();
            return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
