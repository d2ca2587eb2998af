package care.m2m.sim.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The gateway's device registration endpoint as the lead specified it, on a loopback port. */
final class FakeAdminApi implements AutoCloseable {

    static final String TOKEN = "admin-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** Registered devices: id to model. */
    final Map<String, String> devices = new ConcurrentHashMap<>();
    volatile boolean rotationSupported = true;
    private final HttpServer server;

    FakeAdminApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(AdminClient.DEVICES_PATH, this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"detail\":\"bad token\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals(AdminClient.DEVICES_PATH) && exchange.getRequestMethod().equals("POST")) {
            register(exchange);
        } else if (path.endsWith("/secret") && exchange.getRequestMethod().equals("POST") && rotationSupported) {
            String id = path.substring(AdminClient.DEVICES_PATH.length() + 1, path.length() - "/secret".length());
            answer(exchange, 200, "application/json", JSON.createObjectNode().put("id", id)
                    .put("secret", "rotated-secret-of-" + id).toString());
        } else if (exchange.getRequestMethod().equals("GET") && devices.containsKey(lastSegment(path))) {
            String id = lastSegment(path);
            answer(exchange, 200, "application/json", JSON.createObjectNode().put("id", id)
                    .put("model", devices.get(id)).toString());
        } else {
            answer(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\"}");
        }
    }

    private void register(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        requests.add(body);
        String id = body.path("id").asText("gen-" + requests.size());
        if (devices.putIfAbsent(id, body.path("model").asText()) != null) {
            answer(exchange, 409, "application/problem+json",
                    "{\"title\":\"Conflict\",\"detail\":\"device " + id + " exists\"}");
            return;
        }
        answer(exchange, 201, "application/json", JSON.createObjectNode().put("id", id)
                .put("model", body.path("model").asText()).put("secret", "secret-of-" + id).toString());
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
