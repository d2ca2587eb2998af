package care.m2m.gateway.records;

import care.m2m.gateway.config.GatewayConfig.SqlSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL database for records (device registry now; commands, tickets and tips later): embedded H2 under
 * the data folder by default, PostgreSQL when {@code M2MCARE_SQL_URL} is set. The schema is owned by Flyway
 * migrations written in SQL that both accept (H2 runs in PostgreSQL mode). All access is blocking JDBC:
 * callers run it on worker threads.
 */
public final class RecordsDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsDatabase.class);

    private final HikariDataSource dataSource;
    private final String description;

    private RecordsDatabase(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Opens the pool and brings the schema up to date. */
    public static RecordsDatabase open(SqlSettings settings, Path dataDir) {
        HikariConfig config = new HikariConfig();
        String url = settings.url().orElseGet(() -> embeddedUrl(dataDir));
        config.setJdbcUrl(url);
        if (!settings.embedded()) {
            config.setUsername(settings.username());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("m2mcare-records");
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        String description = settings.embedded() ? "embedded H2 at " + dataDir.resolve("records") : redact(url);
        LOG.info("Records database ready: {}", description);
        return new RecordsDatabase(dataSource, description);
    }

    private static String embeddedUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("records");
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Where the records live, without credentials: shown by the health check. */
    public String description() {
        return description;
    }

    /** A quick round trip to the database; false when it does not answer. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
