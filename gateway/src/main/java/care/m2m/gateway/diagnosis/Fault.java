package care.m2m.gateway.diagnosis;

import care.m2m.contracts.models.FaultSpec.Severity;
import java.time.Instant;

/**
 * A snapshot of one fault of one device: how often and since when it was seen, whether it is flapping, and
 * where it stands on the service ladder. Immutable: the {@link FaultTracker} replaces it on every change.
 */
public record Fault(String id, String deviceId, String model, String code, Severity severity, Status status,
        FaultSignal.Source source, String detail, Instant firstSeen, Instant lastSeen, Instant clearedAt,
        int occurrences, int flapCount, boolean flapping, Ladder ladder, String ladderNote) {

    /** Active until cleared; a cleared fault that comes back within the flap window is reopened. */
    public enum Status { ACTIVE, CLEARED }

    /** Where the fault stands on the service ladder. */
    public enum Ladder { NEW, REPAIRING, REPAIRED, ESCALATED, CLEARED_BY_ITSELF }

    public String key() {
        return key(deviceId, code);
    }

    public static String key(String deviceId, String code) {
        return deviceId + "|" + code;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    Fault seenAgain(Instant at, String newDetail) {
        return new Fault(id, deviceId, model, code, severity, Status.ACTIVE, source, newDetail == null ? detail : newDetail,
                firstSeen, at, null, occurrences + 1, flapCount, flapping, ladder, ladderNote);
    }

    Fault reopened(Instant at, int flapThreshold) {
        int flaps = flapCount + 1;
        return new Fault(id, deviceId, model, code, severity, Status.ACTIVE, source, detail, firstSeen, at, null,
                occurrences + 1, flaps, flaps >= flapThreshold, ladder, ladderNote);
    }

    Fault cleared(Instant at) {
        return new Fault(id, deviceId, model, code, severity, Status.CLEARED, source, detail, firstSeen, lastSeen, at,
                occurrences, flapCount, flapping, ladder == Ladder.NEW ? Ladder.CLEARED_BY_ITSELF : ladder, ladderNote);
    }

    public Fault onLadder(Ladder step, String note) {
        return new Fault(id, deviceId, model, code, severity, status, source, detail, firstSeen, lastSeen, clearedAt,
                occurrences, flapCount, flapping, step, note);
    }
}
