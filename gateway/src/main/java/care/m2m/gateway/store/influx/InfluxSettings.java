package care.m2m.gateway.store.influx;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach InfluxDB. {@code username} and {@code password} are null when InfluxDB runs
 * without authentication; {@code retentionPolicy} is null for the database's default policy; {@code timeout}
 * bounds every HTTP call, so that a hanging server turns into a failed write instead of a stuck writer.
 */
public record InfluxSettings(String url, String database, String username, String password,
                             String retentionPolicy, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public InfluxSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("InfluxDB url must start with http:// or https://, got '" + url + "'");
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB database must not be blank");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("InfluxDB timeout must be positive, got " + timeout);
        }
        username = blankToNull(username);
        password = blankToNull(password);
        retentionPolicy = blankToNull(retentionPolicy);
    }

    public boolean authenticated() {
        return username != null;
    }

    /** Never prints the password: settings end up in logs. */
    @Override
    public String toString() {
        return "InfluxSettings[url=" + url + ", database=" + database + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", retentionPolicy=" + retentionPolicy
                + ", timeout=" + timeout + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
