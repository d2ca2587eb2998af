package care.m2m.gateway.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.repair.RepairAssignment.Arm;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The hold-out of self-repair: the same arm for a fault on every restart, about the configured share, 0 = off. */
class RepairHoldoutTest {

    @Test
    void aFaultKeepsItsArmAcrossInstancesAndTheShareIsAboutRight() {
        RepairHoldout first = new RepairHoldout(0.2);
        RepairHoldout afterRestart = new RepairHoldout(0.2);
        long heldOut = IntStream.range(0, 20_000).mapToObj(i -> UUID.nameUUIDFromBytes(("f" + i).getBytes()).toString())
                .peek(id -> assertThat(afterRestart.arm(id)).isEqualTo(first.arm(id)))
                .filter(id -> first.arm(id) == Arm.HELD_OUT).count();
        assertThat(heldOut / 20_000.0).isBetween(0.19, 0.21);
    }

    @Test
    void shareZeroHoldsNothingOutAndTooLargeASharesIsRefused() {
        assertThat(IntStream.range(0, 1000).mapToObj(i -> RepairHoldout.OFF.arm("fault-" + i))).containsOnly(Arm.REPAIR);
        assertThatThrownBy(() -> new RepairHoldout(0.6)).hasMessageContaining("0 to 0.5");
    }

    @Test
    void aRepeatIsAReopenOrTheSameFaultAgainWithinTheHorizon() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Duration week = Duration.ofDays(7);
        var flapped = new RepairAssignmentStore.Course("f1", "E_X", Arm.REPAIR, t0, t0, t0.plusSeconds(60), 1, null);
        var again = new RepairAssignmentStore.Course("f2", "E_X", Arm.REPAIR, t0, t0, t0.plusSeconds(60), 0, t0.plus(Duration.ofDays(3)));
        var tooLate = new RepairAssignmentStore.Course("f3", "E_X", Arm.HELD_OUT, t0, t0, null, 0, t0.plus(Duration.ofDays(8)));
        assertThat(flapped.repeated(week)).isTrue();
        assertThat(again.repeated(week)).isTrue();
        assertThat(tooLate.repeated(week)).isFalse();
        assertThat(again.hoursToClear(week)).isCloseTo(1 / 60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(tooLate.hoursToClear(week)).as("still active counts the horizon").isEqualTo(168.0);
    }
}
