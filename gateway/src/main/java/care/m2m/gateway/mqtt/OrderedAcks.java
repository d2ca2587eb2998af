package care.m2m.gateway.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sends acknowledgements in the order the PUBLISH packets arrived, as MQTT requires, even though stores
 * finish in any order: an acknowledgement that is ready waits until every earlier one is ready too.
 * Used only on the connection's event loop, so it needs no locking.
 */
final class OrderedAcks {

    /** A place in the queue; {@link #ready} fills it with what to send. */
    static final class Slot {
        private Runnable send;
    }

    private final Deque<Slot> slots = new ArrayDeque<>();

    Slot reserve() {
        Slot slot = new Slot();
        slots.addLast(slot);
        return slot;
    }

    void ready(Slot slot, Runnable send) {
        slot.send = send;
        while (!slots.isEmpty() && slots.peekFirst().send != null) {
            slots.pollFirst().send.run();
        }
    }

    int pending() {
        return slots.size();
    }
}
