package care.m2m.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real InfluxDB 1.x ({@code influxd} from Debian's {@code influxdb} package) for tests: the telemetry
 * store is only trusted when it was checked against the server it talks to in production, including what
 * happens while that server is down. Speaks the v1 HTTP API only.
 */
public final class InfluxServer extends LocalServer {

    private static final SharedServer<InfluxServer> SHARED = new SharedServer<>("InfluxDB", InfluxServer::new);

    private final Path binary;
    private final int httpPort;
    private final int rpcPort;
    private final Path config;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ForegroundProcess process;

    private InfluxServer() {
        super("influxdb");
        this.binary = Executables.find("influxd", "influxdb");
        this.httpPort = FreePorts.next();
        this.rpcPort = FreePorts.next();
        this.config = home().resolve("influxdb.conf");
        this.log = home().resolve("influxd.log");
        writeConfig();
    }

    /** The InfluxDB shared by every test of this JVM, started on first use (and again if a test stopped it). */
    public static InfluxServer shared() {
        return SHARED.get();
    }

    /** The base URL of the HTTP API, such as {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Creates the database (idempotent, as {@code CREATE DATABASE} is). */
    public void createDatabase(String database) {
        query(null, "CREATE DATABASE " + quoteIdentifier(database));
    }

    /**
     * Runs InfluxQL through {@code POST /query} and returns the JSON answer.
     *
     * @param database the database, or null for statements that name none
     */
    public String query(String database, String influxql) {
        String form = "q=" + encode(influxql) + (database == null ? "" : "&db=" + encode(database));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/query"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200 || response.body().contains("\"error\":")) {
            throw new IllegalStateException("InfluxDB refused '" + influxql + "': HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }

    /** Writes line protocol through {@code POST /write} with millisecond timestamps. */
    public void write(String database, String lineProtocol) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/write?precision=ms&db=" + encode(database)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(lineProtocol))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("InfluxDB refused the write: HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    @Override
    protected void launch() {
        process = startForeground(List.of(binary.toString(), "-config", config.toString()), log,
                "answer GET /ping with 204 on " + url(), this::pingAnswers);
    }

    @Override
    protected void halt(boolean teardown) {
        stopForeground(process, teardown, Duration.ofSeconds(30));
    }

    @Override
    protected String describe() {
        return url() + ", data in " + home();
    }

    private boolean pingAnswers() {
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("InfluxDB at " + url() + " did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to InfluxDB", e);
        }
    }

    /** Every service that would open a port of its own is either bound to our loopback ports or disabled. */
    private void writeConfig() {
        Path data = home().resolve("data");
        String text = """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"

                [meta]
                  dir = "%s"

                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false

                [monitor]
                  store-enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false

                [ifql]
                  enabled = false
                """.formatted(rpcPort, home().resolve("meta"), data.resolve("data"), data.resolve("wal"), httpPort);
        try {
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
