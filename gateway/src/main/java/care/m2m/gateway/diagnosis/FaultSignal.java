package care.m2m.gateway.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * What diagnosis concluded from one input: raise or clear one fault code on one device, and why. Rules, the
 * device's own error events and (later) the anomaly detector all speak in signals; the {@link FaultTracker}
 * turns them into fault records.
 */
public record FaultSignal(String deviceId, String model, String code, Kind kind, Source source, String detail, Instant at) {

    /** Raise or clear. */
    public enum Kind { RAISE, CLEAR }

    /** Where the signal came from. */
    public enum Source { RULE, DEVICE, ANOMALY, SILENCE }

    public FaultSignal {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
