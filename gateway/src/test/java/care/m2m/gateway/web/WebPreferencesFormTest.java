package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.tips.Preferences;
import care.m2m.gateway.tips.Preferences.Channel;
import io.vertx.core.MultiMap;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The preferences form reads what a browser posts and says precisely what was wrong. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WebPreferencesFormTest {

    @Test
    void aFilledInFormBecomesThePreferences() {
        Preferences p = CustomerPreferencesForm.parse("cust-1", form().add("channel", "web").add("channel", "device")
                .add("optedOut", "true"));
        assertThat(p.channels()).containsExactlyInAnyOrder(Channel.WEB, Channel.DEVICE);
        assertThat(p.quietStart()).isEqualTo(LocalTime.of(22, 0));
        assertThat(p.quietEnd()).isEqualTo(LocalTime.of(7, 30));
        assertThat(p.zone().getId()).isEqualTo("Europe/Brussels");
        assertThat(p.maxPerWeek()).isEqualTo(3);
        assertThat(p.optedOut()).isTrue();
    }

    @Test
    void noTickedChannelMeansNoChannelAndNoOptOutBox() {
        Preferences p = CustomerPreferencesForm.parse("cust-1", form());
        assertThat(p.channels()).isEmpty();
        assertThat(p.optedOut()).isFalse();
    }

    @Test
    void mistakesSayWhatWasExpected() {
        assertThatThrownBy(() -> CustomerPreferencesForm.parse("c", form().set("quietStart", "25:00")))
                .hasMessageContaining("Quiet hours from: expected a time as HH:MM, got '25:00'");
        assertThatThrownBy(() -> CustomerPreferencesForm.parse("c", form().set("timeZone", "Mars/Base")))
                .hasMessageContaining("Time zone: expected a zone such as Europe/Brussels, got 'Mars/Base'");
        assertThatThrownBy(() -> CustomerPreferencesForm.parse("c", form().set("maxPerWeek", "many")))
                .hasMessageContaining("Tips per week: expected a whole number, got 'many'");
        assertThatThrownBy(() -> CustomerPreferencesForm.parse("c", form().add("channel", "pigeon")))
                .hasMessageContaining("Channels: expected device, web or webhook, got 'pigeon'");
    }

    private static MultiMap form() {
        return MultiMap.caseInsensitiveMultiMap().add("quietStart", "22:00").add("quietEnd", "07:30")
                .add("timeZone", "Europe/Brussels").add("maxPerWeek", "3");
    }
}
