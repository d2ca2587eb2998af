package care.m2m.gateway.commands;

import care.m2m.contracts.messages.Command;
import care.m2m.contracts.messages.CommandResult;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.commands.CommandRecord.Status;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable command channel. A command is saved as QUEUED before anything else happens, sent when the
 * device is connected (now, or when it comes back), marked DELIVERED only on the transport's
 * acknowledgement, and then follows the device's results, or times out or expires. Everything runs on one
 * Vert.x context (the service-ladder context); {@code persist} writes each change in order.
 */
public final class CommandService {

    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);

    private final Downlink downlink;
    private final Consumer<CommandRecord> persist;
    private final CommandSettings settings;
    private final Clock clock;
    private final Map<String, CommandRecord> open = new LinkedHashMap<>();
    private final List<CommandListener> listeners = new CopyOnWriteArrayList<>();

    public CommandService(Downlink downlink, Consumer<CommandRecord> persist, CommandSettings settings, Clock clock) {
        this.downlink = downlink;
        this.persist = persist;
        this.settings = settings;
        this.clock = clock;
    }

    public void addListener(CommandListener listener) {
        listeners.add(listener);
    }

    /**
     * Takes over the commands that were not final when the gateway stopped, or that another gateway instance
     * held; a command already open here is kept as it is. Answers those that were new here.
     */
    public List<CommandRecord> restore(List<CommandRecord> commands) {
        List<CommandRecord> added = new ArrayList<>();
        for (CommandRecord c : commands) {
            if (!c.status().isFinal() && open.putIfAbsent(c.id(), c) == null) {
                added.add(c);
            }
        }
        return added;
    }

    /** Forgets a device's open commands here: another gateway instance took the device over (they are stored). */
    public void release(String deviceId) {
        open.values().removeIf(c -> c.deviceId().equals(deviceId));
    }

    /** Queues a command (already checked against the device's model) and sends it if the device is online. */
    public CommandRecord submit(String deviceId, String action, Map<String, Object> params, Duration ttl,
            CommandRecord.Origin origin, String faultId) {
        Instant now = clock.instant();
        CommandRecord command = new CommandRecord("cmd-" + UUID.randomUUID(), deviceId, action, params, origin, faultId,
                Status.QUEUED, now, now.plus(ttl == null ? settings.defaultTtl() : ttl), 0, settings.maxSends(),
                null, null, null, null, null, now);
        save(command);
        if (downlink.isListening(deviceId, MessageType.COMMANDS)) {
            send(command);
        }
        return command;
    }

    public Optional<CommandRecord> open(String id) {
        return Optional.ofNullable(open.get(id));
    }

    public int openCount() {
        return open.size();
    }

    /** The device (re)connected and listens for commands: send what waits for it, oldest first. */
    public void onDeviceConnected(String deviceId) {
        open.values().stream()
                .filter(c -> c.deviceId().equals(deviceId))
                .filter(c -> c.status() == Status.QUEUED || c.status() == Status.SENT)
                .sorted(Comparator.comparing(CommandRecord::createdAt))
                .toList()
                .forEach(this::send);
    }

    /** The device reported on a command. */
    public void onResult(String deviceId, CommandResult result) {
        CommandRecord command = open.get(result.id());
        if (command == null || !command.deviceId().equals(deviceId)) {
            LOG.debug("Result {} from {} for an unknown or finished command {}", result.status(), deviceId, result.id());
            return;
        }
        Status status = switch (result.status()) {
            case ACCEPTED -> Status.ACCEPTED;
            case EXECUTED -> Status.EXECUTED;
            case FAILED -> Status.FAILED;
            case REJECTED -> Status.REJECTED;
        };
        save(command.result(status, result.code(), result.text(), clock.instant()));
    }

    /** Expires what waited too long, times out what got no answer, resends what got no acknowledgement. */
    public void sweep() {
        Instant now = clock.instant();
        for (CommandRecord c : new ArrayList<>(open.values())) {
            switch (c.status()) {
                case QUEUED -> {
                    if (!now.isBefore(c.expiresAt())) {
                        save(c.with(Status.EXPIRED, now));
                    } else if (downlink.isListening(c.deviceId(), MessageType.COMMANDS)) {
                        send(c);
                    }
                }
                case SENT -> {
                    if (c.sentAt().plus(settings.ackTimeout()).isBefore(now)) {
                        retryOrGiveUp(c, now);
                    }
                }
                case DELIVERED, ACCEPTED -> {
                    if (c.deliveredAt().plus(settings.resultTimeout()).isBefore(now)) {
                        save(c.with(Status.TIMED_OUT, now));
                    }
                }
                default -> {
                }
            }
        }
    }

    private void retryOrGiveUp(CommandRecord c, Instant now) {
        if (!now.isBefore(c.expiresAt())) {
            save(c.with(Status.EXPIRED, now));
        } else if (c.sendCount() >= c.maxSends()) {
            save(c.with(Status.TIMED_OUT, now));
        } else if (downlink.isListening(c.deviceId(), MessageType.COMMANDS)) {
            send(c);
        } else {
            save(c.with(Status.QUEUED, now));
        }
    }

    private void send(CommandRecord queued) {
        Instant now = clock.instant();
        if (!now.isBefore(queued.expiresAt())) {
            save(queued.with(Status.EXPIRED, now));
            return;
        }
        if (queued.sendCount() >= queued.maxSends()) {
            save(queued.with(Status.TIMED_OUT, now));
            return;
        }
        CommandRecord sent = queued.sent(now);
        save(sent);
        Command message = new Command(sent.id(), sent.action(), sent.params(), sent.createdAt(), sent.expiresAt());
        Future<Void> delivery = downlink.deliver(sent.deviceId(), MessageType.COMMANDS, message);
        Context context = Vertx.currentContext();
        delivery.onComplete(done -> onContext(context, () -> {
            CommandRecord current = open.get(sent.id());
            if (current == null) {
                return;
            }
            if (done.succeeded() && current.status() == Status.SENT) {
                save(current.delivered(clock.instant()));
            } else if (done.failed() && current.status() == Status.SENT) {
                LOG.debug("Command {} not delivered to {}: {}", sent.id(), sent.deviceId(), done.cause().getMessage());
                save(current.with(Status.QUEUED, clock.instant()));
            }
        }));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void save(CommandRecord command) {
        if (command.status().isFinal()) {
            open.remove(command.id());
        } else {
            open.put(command.id(), command);
        }
        persist.accept(command);
        if (command.status().isFinal()) {
            LOG.debug("Command {} ({} for {}) ended {}", command.id(), command.action(), command.deviceId(), command.status());
            listeners.forEach(l -> l.onFinished(command));
        }
    }
}
