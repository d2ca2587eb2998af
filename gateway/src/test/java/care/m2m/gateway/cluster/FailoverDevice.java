package care.m2m.gateway.cluster;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A device as firmware behaves: it connects to its preferred gateway address, publishes QoS 1 telemetry and
 * remembers what was acknowledged, answers every command it receives with EXECUTED, and when the connection
 * breaks it tries the next address in its list. Runs on its own thread until stopped.
 */
final class FailoverDevice implements AutoCloseable {

    final DeviceCredentials creds;
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicReference<String> connectedTo = new AtomicReference<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<JsonObject> commands = new CopyOnWriteArrayList<>();
    private final List<String> urls;
    private final Instant start;
    private final IntFunction<String> metrics;
    private final List<String> pendingEvents = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    FailoverDevice(DeviceCredentials creds, List<String> urls, int preferred, Instant start, IntFunction<String> metrics) {
        this.creds = creds;
        this.urls = List.copyOf(urls);
        this.start = start;
        this.metrics = metrics;
        this.thread = new Thread(() -> run(preferred), "device-" + creds.id());
        thread.setDaemon(true);
        thread.start();
    }

    /** Sends a device event (error, warning, cleared) on the current or next connection. */
    void event(String kind, String code) {
        pendingEvents.add("{\"v\":1,\"kind\":\"%s\",\"code\":\"%s\"}".formatted(kind, code));
    }

    private void run(int preferred) {
        int index = preferred;
        int next = 0;
        while (!stopped) {
            String url = urls.get(index);
            try (Mqtt5Device device = Mqtt5Device.connect(url, creds.id(), creds.secret())) {
                device.subscribe(Topics.downlinkFilter(creds.id()));
                connectedTo.set(url);
                connections.incrementAndGet();
                while (!stopped) {
                    Mqtt5Device.Received received = device.received.poll(40, TimeUnit.MILLISECONDS);
                    if (received != null && received.topic().endsWith("/commands")) {
                        JsonObject command = new JsonObject(received.text());
                        commands.add(command);
                        device.publish(MessageType.COMMAND_RESULTS, "{\"v\":1,\"id\":\"%s\",\"status\":\"executed\",\"code\":0}"
                                .formatted(command.getString("id")));
                    }
                    while (!pendingEvents.isEmpty()) {
                        device.publish(MessageType.EVENTS, pendingEvents.get(0));
                        pendingEvents.remove(0);
                    }
                    long ts = start.plusMillis(100L * next).toEpochMilli();
                    int rc = device.publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":%d,\"metrics\":%s}"
                            .formatted(ts, metrics.apply(next)));
                    if (rc == 0) {
                        acknowledged.add(ts);
                    }
                    next++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception connectionLost) {
                connectedTo.set(null);
                index = (index + 1) % urls.size();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(15_000);
    }
}
