package care.m2m.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.app.GatewayApp;
import care.m2m.gateway.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production transport security: with a certificate configured and plain MQTT switched off, devices publish
 * over MQTT over TLS, the API answers over HTTPS, and a plain-text MQTT connection finds nobody listening.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsEndToEndTest {

    private static final String PASSWORD = "test-keystore";

    @TempDir
    Path dir;

    @Test
    void devicesAndOperatorsTalkOverTlsOnly() throws Exception {
        Path keystore = selfSignedKeystore();
        SSLContext trust = trusting(keystore);
        Map<String, String> settings = Map.ofEntries(Map.entry("M2MCARE_DATA_DIR", dir.resolve("data").toString()),
                Map.entry("M2MCARE_HOST", "127.0.0.1"), Map.entry("M2MCARE_MQTT_PORT", "0"),
                Map.entry("M2MCARE_MQTTS_PORT", "0"), Map.entry("M2MCARE_HTTP_PORT", "0"),
                Map.entry("M2MCARE_COAP_ENABLED", "false"), Map.entry("M2MCARE_ADMIN_TOKEN", "tls-admin"),
                Map.entry("M2MCARE_MQTT_PLAIN_ENABLED", "false"), Map.entry("M2MCARE_TLS_KEYSTORE", keystore.toString()),
                Map.entry("M2MCARE_TLS_KEYSTORE_PASSWORD", PASSWORD), Map.entry("M2MCARE_HTTP_TLS", "true"));
        try (GatewayApp app = GatewayApp.start(ConfigLoader.from(settings))) {
            assertThat(app.mqttPort()).as("plain MQTT is off").isEqualTo(-1);
            HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
            HttpResponse<String> created = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.httpPort()
                    + "/api/v1/admin/devices")).header("Authorization", "Bearer tls-admin")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"charger-tls-1\",\"model\":\"ev-charger-ac22\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            String secret = new JsonObject(created.body()).getString("secret");

            MqttClient device = new MqttClient("ssl://127.0.0.1:" + app.mqttsPort(), "charger-tls-1", new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName("charger-tls-1");
            options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
            options.setSocketFactory(trust.getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(false);
            device.connect(options);
            MqttMessage message = new MqttMessage("{\"v\":1,\"metrics\":{\"power_w\":7400}}".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            device.publish(Topics.mqtt("charger-tls-1", MessageType.TELEMETRY), message);
            device.disconnect();
            device.close();

            HttpResponse<String> stored = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.httpPort()
                    + "/api/v1/devices/charger-tls-1/telemetry")).header("Authorization", "Bearer tls-admin").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(new JsonObject(stored.body()).getJsonArray("points")).hasSize(1);

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + app.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP is not spoken on the HTTPS port").isInstanceOf(java.io.IOException.class);
        }
    }

    /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, as an operator would. */
    private Path selfSignedKeystore() throws Exception {
        Path keystore = dir.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("keytool: " + output).isZero();
        assertThat(Files.exists(keystore)).isTrue();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
