package care.m2m.sim.firmware;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The moments of one device's current fault (when its physics began to fail, when the firmware reported it, whether
 * a repair command came yet), kept apart from {@link Firmware} so the fault-to-command bookkeeping can be checked
 * without physics. Only the first repair command of a fault is measured; retries are the gateway's second thoughts,
 * not its reaction time. Not thread-safe: the firmware calls it under its own lock.
 */
public final class FaultTimeline {

    private String code;
    private Instant onset;
    private Instant reported;
    private boolean commanded;

    /**
     * How long after the fault the first repair command arrived.
     *
     * @param sinceReport from the ERROR/WARNING event; null when the command came before the report (the gateway
     *                    saw the symptom in telemetry first)
     * @param sinceOnset  from the moment the fault began in the product's physics
     */
    public record Latencies(Duration sinceReport, Duration sinceOnset) {

        public Latencies {
            Objects.requireNonNull(sinceOnset, "sinceOnset");
        }
    }

    /** Fault {@code faultCode} began at {@code at}; forgets the previous fault. */
    public void started(String faultCode, Instant at) {
        code = Objects.requireNonNull(faultCode, "faultCode");
        onset = at;
        reported = null;
        commanded = false;
    }

    /** The fault was reported; a fault the timeline did not see start is taken to start now. */
    public void reported(String faultCode, Instant at) {
        if (!faultCode.equals(code)) {
            started(faultCode, at);
        }
        if (reported == null) {
            reported = at;
        }
    }

    /** A repair command for {@code faultCode} arrived at {@code at}: the latencies if it is the fault's first. */
    public Optional<Latencies> repairCommand(String faultCode, Instant at) {
        if (!faultCode.equals(code) || commanded) {
            return Optional.empty();
        }
        commanded = true;
        Duration sinceReport = reported == null ? null : Duration.between(reported, at);
        return Optional.of(new Latencies(sinceReport, Duration.between(onset, at)));
    }

    /** The fault is gone; a later fault, even with the same code, starts a new timeline. */
    public void ended() {
        code = null;
        onset = null;
        reported = null;
        commanded = false;
    }
}
