package care.m2m.sim.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of one event loop. Connects them at its share of the connect rate, then paces their publishes: in
 * saturation mode every acknowledgement immediately sends the device's next message (each device keeps its window
 * full); at a fixed rate a 5 ms tick hands out its share of the fleet rate round-robin over devices whose window has
 * room, so a slow server sees the offered rate rather than an echo of its own speed (messages that find every
 * window full are counted as deferred).
 */
final class LoadVerticle extends VerticleBase {

    private static final long TICK_MS = 5;
    private static final int KEEP_ALIVE_SECONDS = 300;

    private final List<LoadDevice> devices;
    private final List<String> sourceAddresses;
    private final LoadSettings settings;
    private final double ratePerSecond;
    private final double connectsPerSecond;
    private final LoadStats stats;
    private final Promise<Void> allConnected = Promise.promise();
    private boolean sending;
    private double credit;
    private int cursor;
    private long lastTickNanos;

    LoadVerticle(List<LoadDevice> devices, List<String> sourceAddresses, LoadSettings settings, int share,
            LoadStats stats) {
        this.stats = stats;
        this.devices = List.copyOf(devices);
        this.sourceAddresses = sourceAddresses;
        this.settings = settings;
        this.ratePerSecond = settings.rate() / share;
        this.connectsPerSecond = settings.connectRate() / share;
    }

    @Override
    public Future<?> start() {
        connectNext(0, new ArrayList<>());
        return Future.succeededFuture();
    }

    /** Completes when every device of this loop got an answer to its CONNECT (accepted or not). */
    Future<Void> connected() {
        return allConnected.future();
    }

    private void connectNext(int index, List<Future<Void>> pending) {
        if (index >= devices.size()) {
            Future.join(pending).onComplete(ignored -> allConnected.tryComplete());
            return;
        }
        String source = sourceAddresses.isEmpty() ? null : sourceAddresses.get(index % sourceAddresses.size());
        pending.add(devices.get(index).connect(vertx, settings.host(), settings.port(), source, KEEP_ALIVE_SECONDS));
        long delayMs = Math.max(1, Math.round(1000.0 / connectsPerSecond));
        if (connectsPerSecond >= 1000) {
            vertx.runOnContext(v -> connectNext(index + 1, pending));
        } else {
            vertx.setTimer(delayMs, id -> connectNext(index + 1, pending));
        }
    }

    /** Starts publishing (on this verticle's event loop). */
    void startSending() {
        context.runOnContext(v -> {
            sending = true;
            if (settings.rate() == 0) {
                for (LoadDevice device : devices) {
                    device.onAck(() -> {
                        if (sending) {
                            device.send();
                        }
                    });
                    while (device.canSend()) {
                        device.send();
                    }
                }
            } else {
                lastTickNanos = System.nanoTime();
                vertx.setPeriodic(TICK_MS, id -> {
                    if (!sending) {
                        vertx.cancelTimer(id);
                        return;
                    }
                    tick();
                });
            }
        });
    }

    private void tick() {
        long now = System.nanoTime();
        credit += ratePerSecond * (now - lastTickNanos) / 1e9;
        lastTickNanos = now;
        int tried = 0;
        while (credit >= 1 && tried < devices.size()) {
            LoadDevice device = devices.get(cursor);
            cursor = (cursor + 1) % devices.size();
            if (device.canSend()) {
                device.send();
                credit -= 1;
                tried = 0;
            } else {
                tried++;
            }
        }
        if (credit >= 1) {
            long deferred = (long) credit;
            credit -= deferred;
            stats.deferred.add(deferred);
        }
    }

    /** Stops publishing; messages in flight still get their acknowledgements. */
    Future<Void> stopSending() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            sending = false;
            done.complete();
        });
        return done.future();
    }

    /** Messages of this loop's devices still waiting for their acknowledgement (read on the loop). */
    Future<Integer> inflight() {
        Promise<Integer> result = Promise.promise();
        context.runOnContext(v -> result.complete(devices.stream().mapToInt(LoadDevice::inflight).sum()));
        return result.future();
    }

    Future<Void> disconnectAll() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> Future.join(devices.stream().map(LoadDevice::disconnect).toList())
                .onComplete(ignored -> done.complete()));
        return done.future();
    }
}
