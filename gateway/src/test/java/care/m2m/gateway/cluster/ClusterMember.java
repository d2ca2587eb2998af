package care.m2m.gateway.cluster;

import care.m2m.gateway.app.GatewayMain;
import care.m2m.gateway.support.AdminHttp;
import care.m2m.gateway.support.PrometheusText;
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
 * One clustered gateway instance as a separate operating-system process (started from the test class path
 * with {@link GatewayMain}), so that a test can kill it with SIGKILL like a crashed machine.
 */
final class ClusterMember implements AutoCloseable {

    static final String ADMIN_TOKEN = "cluster-token";

    final String name;
    private final Map<String, String> env = new HashMap<>();
    private final Path log;
    private final int mqttPort;
    private final int httpPort;
    private Process process;

    ClusterMember(String name, Path dataDir, int mqttPort, int httpPort, Map<String, String> settings) {
        this.name = name;
        this.mqttPort = mqttPort;
        this.httpPort = httpPort;
        env.put("M2MCARE_DATA_DIR", dataDir.toString());
        env.put("M2MCARE_HOST", "127.0.0.1");
        env.put("M2MCARE_MQTT_PORT", Integer.toString(mqttPort));
        env.put("M2MCARE_HTTP_PORT", Integer.toString(httpPort));
        env.put("M2MCARE_COAP_ENABLED", "false");
        env.put("M2MCARE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.putAll(settings);
        this.log = dataDir.resolve("gateway-" + name + ".log");
    }

    /** Starts the process and returns once its HTTP API answers (it has joined the cluster by then). */
    ClusterMember start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GatewayMain.class.getName());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("gateway " + name + " did not answer within 90 s; see " + log);
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster; the others must notice by missing heartbeats. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * One Prometheus sample of this instance, read with a deadline (a scrape that hangs fails the poll instead
     * of the whole test).
     */
    double metric(String name, String... labels) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(httpUrl() + "/metrics")).timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return PrometheusText.value(response.body(), name, labels);
        } catch (IOException e) {
            throw new IllegalStateException("metrics of " + name + " unreadable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
