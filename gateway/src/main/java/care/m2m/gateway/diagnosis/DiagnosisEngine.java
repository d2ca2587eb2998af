package care.m2m.gateway.diagnosis;

import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.diagnosis.FaultSignal.Kind;
import care.m2m.gateway.diagnosis.FaultSignal.Source;
import care.m2m.gateway.diagnosis.rules.FaultRule;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import care.m2m.gateway.diagnosis.rules.RuleState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every device's fault rules on the stream: a few numbers of state per device and rule, O(1) work
 * per point, nothing blocking. Not thread-safe by design: the gateway drives it from one Vert.x context.
 */
public final class DiagnosisEngine {

    private static final class DeviceState {
        final String model;
        final RuleState[] rules;
        long lastSeenAt;

        DeviceState(String model, List<FaultRule> rules, long now) {
            this.model = model;
            this.rules = rules.stream().map(RuleState::new).toArray(RuleState[]::new);
            this.lastSeenAt = now;
        }
    }

    private final RuleBook rules;
    private final Map<String, DeviceState> devices = new HashMap<>();

    public DiagnosisEngine(RuleBook rules) {
        this.rules = rules;
    }

    /** Evaluates one telemetry point; returns the faults it raises or clears (usually none). */
    public List<FaultSignal> onTelemetry(String deviceId, String model, Instant at, Instant receivedAt,
            Map<String, MetricValue> values) {
        DeviceState state = state(deviceId, model, receivedAt);
        state.lastSeenAt = Math.max(state.lastSeenAt, receivedAt.toEpochMilli());
        List<FaultSignal> signals = List.of();
        for (RuleState rule : state.rules) {
            RuleState.Change change = rule.onPoint(at.toEpochMilli(), values);
            if (change != RuleState.Change.NONE) {
                if (signals.isEmpty()) {
                    signals = new ArrayList<>(2);
                }
                FaultRule r = rule.rule();
                Source source = r.type() == FaultRule.Type.SILENCE ? Source.SILENCE : Source.RULE;
                signals.add(new FaultSignal(deviceId, model, r.fault(),
                        change == RuleState.Change.RAISE ? Kind.RAISE : Kind.CLEAR, source,
                        change == RuleState.Change.RAISE ? r.description() : "cleared: " + r.description(), at));
            }
        }
        return signals;
    }

    /** A device's own error, warning or cleared report becomes a signal for that fault code. */
    public List<FaultSignal> onEvent(String deviceId, String model, Instant at, Instant receivedAt, DeviceEvent event) {
        DeviceState state = state(deviceId, model, receivedAt);
        state.lastSeenAt = Math.max(state.lastSeenAt, receivedAt.toEpochMilli());
        if (event.code() == null) {
            return List.of();
        }
        return switch (event.kind()) {
            case ERROR, WARNING -> List.of(new FaultSignal(deviceId, model, event.code(), Kind.RAISE, Source.DEVICE,
                    event.text() == null ? "reported by the device" : event.text(), at));
            case CLEARED -> {
                resetRulesOf(deviceId, event.code());
                yield List.of(new FaultSignal(deviceId, model, event.code(), Kind.CLEAR, Source.DEVICE,
                        "cleared by the device", at));
            }
            default -> List.of();
        };
    }

    /** Raises silence faults of devices that sent nothing for longer than their rule allows. */
    public List<FaultSignal> checkSilence(Instant now) {
        List<FaultSignal> signals = new ArrayList<>();
        devices.forEach((deviceId, state) -> {
            for (RuleState rule : state.rules) {
                if (rule.rule().type() == FaultRule.Type.SILENCE
                        && rule.onSilence(now.toEpochMilli(), state.lastSeenAt) == RuleState.Change.RAISE) {
                    signals.add(new FaultSignal(deviceId, state.model, rule.rule().fault(), Kind.RAISE, Source.SILENCE,
                            rule.rule().description(), now));
                }
            }
        });
        return signals;
    }

    /** Starts watching a device for silence, last heard from at {@code lastSeen}. */
    public void watch(String deviceId, String model, Instant lastSeen) {
        state(deviceId, model, lastSeen);
    }

    /** After a restart: the rule of an active fault starts out raised, so that it can clear. */
    public void restoreRaised(String deviceId, String model, String code, Instant lastSeen) {
        for (RuleState rule : state(deviceId, model, lastSeen).rules) {
            if (rule.rule().fault().equals(code)) {
                rule.markRaised();
            }
        }
    }

    /** Stops watching a device whose diagnosis another gateway instance took over. */
    public void forget(String deviceId) {
        devices.remove(deviceId);
    }

    public int watchedDevices() {
        return devices.size();
    }

    private void resetRulesOf(String deviceId, String code) {
        DeviceState state = devices.get(deviceId);
        if (state != null) {
            for (RuleState rule : state.rules) {
                if (rule.rule().fault().equals(code)) {
                    rule.reset();
                }
            }
        }
    }

    private DeviceState state(String deviceId, String model, Instant at) {
        return devices.computeIfAbsent(deviceId, id -> new DeviceState(model, rules.forModel(model).rules(), at.toEpochMilli()));
    }
}
