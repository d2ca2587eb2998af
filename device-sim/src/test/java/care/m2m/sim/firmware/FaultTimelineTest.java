package care.m2m.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which repair command counts for the fault-to-command latency, and from when. */
class FaultTimelineTest {

    private static final Instant T0 = Instant.parse("2025-01-14T09:00:00Z");
    private final FaultTimeline timeline = new FaultTimeline();

    @Test
    void theFirstRepairCommandIsMeasuredFromTheReportAndFromTheOnset() {
        timeline.started("E_BOILER_OVERHEAT", T0);
        timeline.reported("E_BOILER_OVERHEAT", T0.plusSeconds(40));

        assertThat(timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(43)))
                .contains(new FaultTimeline.Latencies(Duration.ofSeconds(3), Duration.ofSeconds(43)));
    }

    @Test
    void aRetryForTheSameFaultIsNotMeasuredAgain() {
        timeline.started("E_BOILER_OVERHEAT", T0);
        timeline.reported("E_BOILER_OVERHEAT", T0.plusSeconds(40));
        timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(43));

        assertThat(timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(90))).isEmpty();
    }

    @Test
    void aCommandBeforeTheReportIsMeasuredFromTheOnsetOnly() {
        timeline.started("E_PUMP_PRESSURE_LOW", T0);

        assertThat(timeline.repairCommand("E_PUMP_PRESSURE_LOW", T0.plusSeconds(8)))
                .contains(new FaultTimeline.Latencies(null, Duration.ofSeconds(8)));
    }

    @Test
    void aRepeatedReportKeepsTheFirstReportTime() {
        timeline.started("E_BOILER_OVERHEAT", T0);
        timeline.reported("E_BOILER_OVERHEAT", T0.plusSeconds(10));
        timeline.reported("E_BOILER_OVERHEAT", T0.plusSeconds(20));

        assertThat(timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(25)).orElseThrow().sinceReport())
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aFaultReportedWithoutASeenStartBeginsAtItsReport() {
        timeline.reported("W_DESCALE_DUE", T0);

        assertThat(timeline.repairCommand("W_DESCALE_DUE", T0.plusSeconds(2)))
                .contains(new FaultTimeline.Latencies(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void aCommandForAnotherFaultOrAfterTheFaultEndedIsNotMeasured() {
        timeline.started("E_BOILER_OVERHEAT", T0);
        assertThat(timeline.repairCommand("E_GRINDER_JAM", T0.plusSeconds(1))).isEmpty();

        timeline.ended();
        assertThat(timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void theSameFaultAgainStartsANewTimelineWithItsOwnFirstCommand() {
        timeline.started("E_BOILER_OVERHEAT", T0);
        timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(5));
        timeline.ended();

        timeline.started("E_BOILER_OVERHEAT", T0.plusSeconds(600));

        assertThat(timeline.repairCommand("E_BOILER_OVERHEAT", T0.plusSeconds(610))).isPresent();
    }
}
