package care.m2m.gateway.support;

import care.m2m.gateway.outbox.WebhookSigner;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The field-service system's end of the webhook, for tests: a real HTTP server (the JDK's) on a fixed
 * loopback port that can be down (not started) and come back, recording every request with its idempotency
 * key and whether its signature is valid.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Delivery(String key, boolean validSignature, String eventType, JsonObject body) {
    }

    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final int port;
    private final WebhookSigner signer;
    private HttpServer server;

    public WebhookReceiver(String secret) {
        this.signer = new WebhookSigner(secret);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/m2mcare";
    }

    public WebhookReceiver start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/m2mcare", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    signer.sign(body).equals(signature), exchange.getRequestHeaders().getFirst("X-M2MCare-Event"),
                    new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    public List<String> types() {
        return deliveries.stream().map(Delivery::eventType).toList();
    }

    public List<String> keys() {
        return deliveries.stream().map(Delivery::key).toList();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
