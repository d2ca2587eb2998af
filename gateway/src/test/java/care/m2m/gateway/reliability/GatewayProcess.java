package care.m2m.gateway.reliability;

import care.m2m.gateway.app.GatewayMain;
import care.m2m.gateway.support.AdminHttp;
import care.m2m.testkit.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a separate operating-system process started from the test class path with
 * {@link GatewayMain}, so that a test can kill it with SIGKILL (no shutdown hook, no flush) and start it again
 * on the same data folder and ports.
 */
final class GatewayProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "reliability-token";

    private final Map<String, String> env = new HashMap<>();
    private final Path log;
    private final int mqttPort = FreePorts.next();
    private final int httpPort = FreePorts.next();
    private Process process;

    GatewayProcess(Path dataDir, Map<String, String> extra) {
        env.put("M2MCARE_DATA_DIR", dataDir.toString());
        env.put("M2MCARE_HOST", "127.0.0.1");
        env.put("M2MCARE_MQTT_PORT", Integer.toString(mqttPort));
        env.put("M2MCARE_HTTP_PORT", Integer.toString(httpPort));
        env.put("M2MCARE_COAP_ENABLED", "false");
        env.put("M2MCARE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.putAll(extra);
        this.log = dataDir.resolve("gateway-process.log");
    }

    void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GatewayMain.class.getName());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("the gateway process did not answer within 60 s; see " + log);
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    AdminHttp http() {
        return new AdminHttp(this::httpUrl, ADMIN_TOKEN);
    }

    String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
