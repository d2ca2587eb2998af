package care.m2m.gateway.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.models.DeviceModels;
import care.m2m.gateway.diagnosis.FaultSignal.Kind;
import care.m2m.gateway.diagnosis.FaultSignal.Source;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One active fault per device and code; flapping is recognised and its clears are held back. */
class FaultTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private final List<Fault> saved = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private FaultTracker tracker;

    @BeforeEach
    void tracker() {
        tracker = new FaultTracker(DeviceModels.builtIn(), RuleBook.load(DeviceModels.builtIn(), Optional.empty()), saved::add);
        tracker.addListener(new FaultListener() {
            @Override
            public void onRaised(Fault fault, boolean reopened) {
                heard.add((reopened ? "reopened " : "raised ") + fault.code());
            }

            @Override
            public void onCleared(Fault fault) {
                heard.add("cleared " + fault.code());
            }
        });
    }

    @Test
    void aRepeatUpdatesTheActiveFault() {
        tracker.handle(signal(Kind.RAISE, 0));
        tracker.handle(signal(Kind.RAISE, 60));
        Fault fault = tracker.active("d1", "E_GRINDER_JAM").orElseThrow();

        assertThat(fault.occurrences()).isEqualTo(2);
        assertThat(fault.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(fault.severity().name()).isEqualTo("MAJOR");
        assertThat(heard).containsExactly("raised E_GRINDER_JAM");
        assertThat(saved).extracting(Fault::id).containsOnly(fault.id());
    }

    @Test
    void aFaultBackWithinTheFlapWindowIsReopenedAndThenDamped() {
        tracker.handle(signal(Kind.RAISE, 0));
        String id = tracker.active("d1", "E_GRINDER_JAM").orElseThrow().id();
        tracker.handle(signal(Kind.CLEAR, 60));
        tracker.handle(signal(Kind.RAISE, 120));
        tracker.handle(signal(Kind.CLEAR, 180));
        tracker.handle(signal(Kind.RAISE, 240));

        Fault fault = tracker.active("d1", "E_GRINDER_JAM").orElseThrow();
        assertThat(fault.id()).isEqualTo(id);
        assertThat(fault.flapCount()).isEqualTo(2);
        assertThat(fault.flapping()).isTrue();

        tracker.handle(signal(Kind.CLEAR, 300));
        assertThat(tracker.active("d1", "E_GRINDER_JAM")).as("a flapping fault's clear is held back").isPresent();
        tracker.tick(T0.plusSeconds(300 + 9 * 60));
        assertThat(tracker.active("d1", "E_GRINDER_JAM")).isPresent();
        tracker.tick(T0.plusSeconds(300 + 10 * 60));
        assertThat(tracker.active("d1", "E_GRINDER_JAM")).isEmpty();
        assertThat(heard).containsExactly("raised E_GRINDER_JAM", "cleared E_GRINDER_JAM", "reopened E_GRINDER_JAM",
                "cleared E_GRINDER_JAM", "reopened E_GRINDER_JAM", "cleared E_GRINDER_JAM");
    }

    @Test
    void aFaultBackAfterTheFlapWindowIsANewFault() {
        tracker.handle(signal(Kind.RAISE, 0));
        String first = tracker.active("d1", "E_GRINDER_JAM").orElseThrow().id();
        tracker.handle(signal(Kind.CLEAR, 60));
        tracker.tick(T0.plusSeconds(60 + 11 * 60));
        tracker.handle(signal(Kind.RAISE, 60 + 12 * 60));

        assertThat(tracker.active("d1", "E_GRINDER_JAM").orElseThrow().id()).isNotEqualTo(first);
    }

    private static FaultSignal signal(Kind kind, long second) {
        return new FaultSignal("d1", "coffee-espresso-x1", "E_GRINDER_JAM", kind, Source.DEVICE, "test",
                T0.plusSeconds(second));
    }
}
