package care.m2m.gateway.app;

import care.m2m.gateway.config.ConfigLoader;
import care.m2m.gateway.config.GatewayConfig;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar gateway.jar}: starts the gateway from {@code M2MCARE_*} settings and runs until stopped. */
public final class GatewayMain {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GatewayConfig config;
        try {
            config = ConfigLoader.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        GatewayApp app;
        try {
            app = GatewayApp.start(config);
        } catch (IllegalStateException e) {
            LOG.error("Start failed", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping M2M Care gateway");
            app.close();
            stopped.countDown();
        }, "m2mcare-shutdown"));
        String host = "0.0.0.0".equals(config.http().host()) ? "localhost" : config.http().host();
        String web = (config.http().tls().isPresent() ? "https://" : "http://") + host + ":" + app.httpPort();
        StringBuilder banner = new StringBuilder("%nM2M Care gateway is running%n".formatted());
        if (app.mqttPort() > 0) {
            banner.append("  MQTT      mqtt://%s:%d%n".formatted(host, app.mqttPort()));
        }
        if (app.mqttsPort() > 0) {
            banner.append("  MQTT/TLS  mqtts://%s:%d%n".formatted(host, app.mqttsPort()));
        }
        banner.append("  Health    %s/health%n  Metrics   %s/metrics%n  API spec  %s/openapi.yaml%n".formatted(web, web, web))
                .append("  Admin token in %s%n%n".formatted(
                        app.adminToken().file().map(Object::toString).orElse("M2MCARE_ADMIN_TOKEN")));
        System.out.print(banner);
        stopped.await();
    }
}
