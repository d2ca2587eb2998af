package care.m2m.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.sim.firmware.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How often and how long devices go offline: a rate per simulated hour and 30 s to 5 min of simulated time. */
class OfflineScheduleTest {

    private static final Instant START = Instant.parse("2025-01-14T09:00:00Z");

    private static List<OfflineSchedule.Episode> episodes(OfflineSettings settings, double speed, Duration step,
                                                          Duration total) {
        OfflineSchedule schedule = new OfflineSchedule(settings, new SimClock(START, speed), 42);
        List<OfflineSchedule.Episode> episodes = new ArrayList<>();
        for (Duration d = Duration.ZERO; d.compareTo(total) < 0; d = d.plus(step)) {
            schedule.next(step).ifPresent(episodes::add);
        }
        return episodes;
    }

    @Test
    void aRateOf2PerHourGivesAbout2000EpisodesIn1000DeviceHours() {
        List<OfflineSchedule.Episode> episodes = episodes(new OfflineSettings(2, OfflineSettings.Kind.MIXED), 1,
                Duration.ofSeconds(1), Duration.ofHours(1000));

        assertThat(episodes.size()).isBetween(1850, 2150);
        assertThat(episodes).extracting(OfflineSchedule.Episode::realDuration)
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(5)));
        assertThat(episodes.stream().filter(OfflineSchedule.Episode::abrupt).count())
                .as("mixed: about half abrupt").isBetween(850L, 1150L);
    }

    @Test
    void speedMakesEpisodesMoreFrequentAndShorterInRealTime() {
        List<OfflineSchedule.Episode> episodes = episodes(new OfflineSettings(2, OfflineSettings.Kind.ABRUPT), 60,
                Duration.ofSeconds(1), Duration.ofHours(1000).dividedBy(60));

        assertThat(episodes.size()).isBetween(1850, 2150);
        assertThat(episodes).allSatisfy(e -> {
            assertThat(e.abrupt()).isTrue();
            assertThat(e.realDuration()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        });
    }

    @Test
    void rateZeroNeverGoesOffline() {
        assertThat(episodes(OfflineSettings.NONE, 1, Duration.ofMinutes(1), Duration.ofDays(30))).isEmpty();
    }

    @Test
    void aCleanKindNeverDropsAbruptly() {
        assertThat(episodes(new OfflineSettings(50, OfflineSettings.Kind.CLEAN), 1, Duration.ofSeconds(10),
                Duration.ofHours(10))).isNotEmpty().noneMatch(OfflineSchedule.Episode::abrupt);
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new OfflineSettings(-1, OfflineSettings.Kind.MIXED))
                .hasMessageContaining("offline rate must be a non-negative number, got -1.0");
    }
}
