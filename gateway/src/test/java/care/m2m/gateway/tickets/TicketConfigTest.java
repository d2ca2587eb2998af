package care.m2m.gateway.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.config.ConfigLoader;
import care.m2m.gateway.config.GatewayConfig.TicketSettings;
import care.m2m.gateway.config.GatewayConfig.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ticket settings come from M2MCARE_* variables with documented defaults and clear refusals. */
class TicketConfigTest {

    @Test
    void withoutSettingsTicketsUseTheDefaultsAndNoWebhook() {
        TicketSettings tickets = ConfigLoader.from(Map.of()).tickets();
        assertThat(tickets.resolveAfter()).isEqualTo(TicketSettings.DEFAULT_RESOLVE_AFTER);
        assertThat(tickets.reopenWindow()).isEqualTo(TicketSettings.DEFAULT_REOPEN_WINDOW);
        assertThat(tickets.fieldServiceToken()).isEmpty();
        assertThat(tickets.webhook()).isEmpty();
    }

    @Test
    void theWebhookIsReadWithItsBackOff() {
        WebhookSettings webhook = ConfigLoader.from(Map.of("M2MCARE_WEBHOOK_URL", "https://fs.example/hooks",
                "M2MCARE_WEBHOOK_SECRET", "s3cret", "M2MCARE_WEBHOOK_RETRY_BASE_MS", "500",
                "M2MCARE_WEBHOOK_RETRY_CAP_SECONDS", "60")).tickets().webhook().orElseThrow();
        assertThat(webhook.url()).isEqualTo(URI.create("https://fs.example/hooks"));
        assertThat(webhook.retryBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(webhook.retryCap()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aWebhookWithoutASecretIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("M2MCARE_WEBHOOK_URL", "https://fs.example/hooks")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M2MCARE_WEBHOOK_SECRET");
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.from(Map.of("M2MCARE_WEBHOOK_URL", "ftp://fs.example/",
                "M2MCARE_WEBHOOK_SECRET", "s"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an http or https URL");
    }
}
