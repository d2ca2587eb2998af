package care.m2m.gateway.tips;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Live updates for customers' open pages and apps: server-sent events per customer. A tip delivered or
 * changed on any channel is pushed to every open stream of its customer, so every screen shows one state.
 */
public final class TipEvents {

    private final Map<String, List<HttpServerResponse>> streams = new ConcurrentHashMap<>();

    /** Keeps the response open as an event stream for the customer until the client goes away. */
    public void subscribe(String customerRef, HttpServerResponse response) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .write(": connected\n\n");
        List<HttpServerResponse> list = streams.computeIfAbsent(customerRef, k -> new CopyOnWriteArrayList<>());
        list.add(response);
        response.closeHandler(v -> list.remove(response));
    }

    /** Sends one event, e.g. {@code tip} with the tip's JSON, to every open stream of the customer. */
    public void publish(String customerRef, String event, JsonObject data) {
        List<HttpServerResponse> list = streams.get(customerRef);
        if (list == null) {
            return;
        }
        String frame = "event: " + event + "\nid: " + data.getString("id", "") + "\ndata: " + data.encode() + "\n\n";
        for (HttpServerResponse response : list) {
            if (response.closed() || response.ended()) {
                list.remove(response);
            } else {
                response.write(frame);
            }
        }
    }

    public int openStreams(String customerRef) {
        List<HttpServerResponse> list = streams.get(customerRef);
        return list == null ? 0 : list.size();
    }
}
