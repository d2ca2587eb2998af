package care.m2m.sim.firmware;

import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.messages.TipStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the device's display shows: the tips it got, and which of them the customer has read. A tip done,
 * dismissed or snoozed on any channel leaves the display; a read one stays, marked read. A tip delivered again
 * (a snoozed one whose time came) shows again. Not thread-safe: the firmware calls it under its own lock.
 */
public final class TipDisplay {

    private final Map<String, Boolean> shown = new LinkedHashMap<>();

    public void show(Tip tip) {
        shown.put(tip.id(), false);
    }

    /** Applies a state from the gateway or from the customer at the device; false if the tip is not shown. */
    public boolean apply(String tipId, TipStatus state) {
        if (!shown.containsKey(tipId)) {
            return false;
        }
        if (state == TipStatus.READ) {
            shown.put(tipId, true);
        } else {
            shown.remove(tipId);
        }
        return true;
    }

    public Set<String> shown() {
        return Set.copyOf(shown.keySet());
    }

    public boolean isRead(String tipId) {
        return shown.getOrDefault(tipId, false);
    }
}
