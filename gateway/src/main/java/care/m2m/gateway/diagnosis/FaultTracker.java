package care.m2m.gateway.diagnosis;

import care.m2m.contracts.models.FaultSpec;
import care.m2m.contracts.models.FaultSpec.Severity;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Turns fault signals into fault records: one active fault per device and code (a repeat updates it), a
 * fault that clears and comes back within the model's flap window is reopened rather than duplicated, and a
 * fault that did so {@link #FLAP_THRESHOLD} times is flapping: its clears are held back until it stayed quiet
 * for the whole flap window. Single-threaded (the diagnosis context); every change is handed to
 * {@code persist} in order.
 */
public final class FaultTracker {

    public static final int FLAP_THRESHOLD = 2;

    private record Pending(Fault fault, Instant clearAt) {
    }

    private final ModelCatalog models;
    private final RuleBook rules;
    private final Consumer<Fault> persist;
    private final Map<String, Fault> active = new HashMap<>();
    private final Map<String, Fault> recentlyCleared = new HashMap<>();
    private final Map<String, Pending> pendingClears = new HashMap<>();
    private final List<FaultListener> listeners = new CopyOnWriteArrayList<>();

    public FaultTracker(ModelCatalog models, RuleBook rules, Consumer<Fault> persist) {
        this.models = models;
        this.rules = rules;
        this.persist = persist;
    }

    public void addListener(FaultListener listener) {
        listeners.add(listener);
    }

    /**
     * Takes over faults that were active before a restart, or on another gateway instance; a fault already
     * tracked here is kept as it is. Answers the faults that were new here.
     */
    public List<Fault> restore(Collection<Fault> faults) {
        List<Fault> added = new ArrayList<>();
        faults.forEach(f -> {
            if (active.putIfAbsent(f.key(), f) == null) {
                added.add(f);
            }
        });
        return added;
    }

    /** Forgets a device's faults here: another gateway instance took the device over (its faults are stored). */
    public void release(String deviceId) {
        active.values().removeIf(f -> f.deviceId().equals(deviceId));
        recentlyCleared.values().removeIf(f -> f.deviceId().equals(deviceId));
        pendingClears.values().removeIf(p -> p.fault().deviceId().equals(deviceId));
    }

    public Optional<Fault> active(String deviceId, String code) {
        return Optional.ofNullable(active.get(Fault.key(deviceId, code)));
    }

    public Collection<Fault> activeFaults() {
        return List.copyOf(active.values());
    }

    public void handle(FaultSignal signal) {
        String key = Fault.key(signal.deviceId(), signal.code());
        if (signal.kind() == FaultSignal.Kind.RAISE) {
            raise(key, signal, signal.model());
        } else {
            clear(key, signal.at());
        }
    }

    /** Records a ladder step on an active or cleared fault and persists it. */
    public Fault update(Fault changed) {
        if (changed.active()) {
            active.put(changed.key(), changed);
        }
        persist.accept(changed);
        return changed;
    }

    /** Closes held-back clears of flapping faults that stayed quiet, and forgets old clears. */
    public void tick(Instant now) {
        List<Pending> due = new ArrayList<>();
        pendingClears.values().forEach(p -> {
            if (!now.isBefore(p.clearAt())) {
                due.add(p);
            }
        });
        due.forEach(p -> {
            pendingClears.remove(p.fault().key());
            close(p.fault().key(), p.clearAt().minus(flapWindow(p.fault().model())));
        });
        recentlyCleared.values().removeIf(f -> f.clearedAt().plus(flapWindow(f.model())).isBefore(now));
    }

    private void raise(String key, FaultSignal signal, String model) {
        Fault current = active.get(key);
        if (current != null) {
            pendingClears.remove(key);
            update(current.seenAgain(signal.at(), signal.detail()));
            return;
        }
        Fault previous = recentlyCleared.remove(key);
        if (previous != null && !previous.clearedAt().plus(flapWindow(model)).isBefore(signal.at())) {
            Fault reopened = update(previous.reopened(signal.at(), FLAP_THRESHOLD));
            listeners.forEach(l -> l.onRaised(reopened, true));
            return;
        }
        Fault fresh = new Fault(UUID.randomUUID().toString(), signal.deviceId(), model, signal.code(),
                severity(model, signal.code()), Fault.Status.ACTIVE, signal.source(), signal.detail(), signal.at(),
                signal.at(), null, 1, 0, false, Fault.Ladder.NEW, null);
        update(fresh);
        listeners.forEach(l -> l.onRaised(fresh, false));
    }

    private void clear(String key, Instant at) {
        Fault current = active.get(key);
        if (current == null) {
            return;
        }
        if (current.flapping()) {
            pendingClears.putIfAbsent(key, new Pending(current, at.plus(flapWindow(current.model()))));
            return;
        }
        close(key, at);
    }

    private void close(String key, Instant at) {
        Fault current = active.remove(key);
        if (current == null) {
            return;
        }
        Fault cleared = current.cleared(at);
        persist.accept(cleared);
        recentlyCleared.put(key, cleared);
        listeners.forEach(l -> l.onCleared(cleared));
    }

    private Duration flapWindow(String model) {
        return rules.forModel(model).flapWindow();
    }

    /** The model's severity for its own codes; the gateway's codes: silence is major, an anomaly minor. */
    private Severity severity(String model, String code) {
        return models.find(model).flatMap(m -> m.fault(code)).map(FaultSpec::severity)
                .orElse("ANOMALY".equals(code) ? Severity.MINOR : Severity.MAJOR);
    }
}
