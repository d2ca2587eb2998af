package care.m2m.gateway.support;

import care.m2m.gateway.app.GatewayApp;
import care.m2m.gateway.config.ConfigLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import io.vertx.core.json.JsonObject;

/**
 * A real gateway for end-to-end tests: started from {@code M2MCARE_*} settings on free loopback ports with
 * its own data folder, plus the HTTP calls tests make against it (registering devices, reading telemetry,
 * scraping metrics) through the JDK's own HTTP client, as an outside client would.
 */
public final class RunningGateway implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final Map<String, String> settings;
    private final AdminHttp http = new AdminHttp(this::httpUrl, ADMIN_TOKEN);
    private GatewayApp app;

    private RunningGateway(Map<String, String> settings) {
        this.settings = settings;
    }

    /** A gateway on its embedded defaults (H2 records, embedded telemetry store) in {@code dataDir}. */
    public static RunningGateway embedded(Path dataDir) {
        return with(dataDir, Map.of());
    }

    /** A gateway with extra settings, for example {@code M2MCARE_INFLUX_URL}. */
    public static RunningGateway with(Path dataDir, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("M2MCARE_DATA_DIR", dataDir.toString());
        settings.put("M2MCARE_HOST", "127.0.0.1");
        settings.put("M2MCARE_MQTT_PORT", "0");
        settings.put("M2MCARE_COAP_PORT", "0");
        settings.put("M2MCARE_COAPS_PORT", "0");
        settings.put("M2MCARE_HTTP_PORT", "0");
        settings.put("M2MCARE_ADMIN_TOKEN", ADMIN_TOKEN);
        settings.putAll(extra);
        RunningGateway gateway = new RunningGateway(settings);
        gateway.start();
        return gateway;
    }

    public void start() {
        app = GatewayApp.start(ConfigLoader.from(settings));
    }

    /** Stops the gateway and starts it again on the same data folder (ports change). */
    public void restart() {
        app.close();
        start();
    }

    public GatewayApp app() {
        return app;
    }

    public String mqttUrl() {
        return "tcp://127.0.0.1:" + app.mqttPort();
    }

    /** Plain CoAP base URI, for example {@code coap://127.0.0.1:5683}. */
    public String coapUrl() {
        return "coap://127.0.0.1:" + app.coapPort();
    }

    /** CoAP over DTLS base URI. */
    public String coapsUrl() {
        return "coaps://127.0.0.1:" + app.coapsPort();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    /** Registers a device through the admin API and returns its credentials. */
    public DeviceCredentials register(String id, String model) {
        return http.register(id, model);
    }

    public HttpResponse<String> get(String path) {
        return http.get(path);
    }

    public HttpResponse<String> post(String path, String json) {
        return http.post(path, json);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return http.send(request);
    }

    /** Stored telemetry of a device over the last day, as the read API returns it. */
    public JsonObject telemetry(String deviceId) {
        return http.telemetry(deviceId);
    }

    /** The value of one Prometheus sample, 0 when absent; {@code labels} like {@code reason="out_of_range"}. */
    public double metric(String name, String... labels) {
        return http.metric(name, labels);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }

    /** What a device needs to connect; {@code psk} is the DTLS pre-shared key (its ASCII bytes are the key). */
    public record DeviceCredentials(String id, String model, String secret, String psk) {
    }
}
