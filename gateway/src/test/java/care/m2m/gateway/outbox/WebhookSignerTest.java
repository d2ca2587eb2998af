package care.m2m.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.config.GatewayConfig.WebhookSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The signature a receiver checks, and the back-off between tries. */
class WebhookSignerTest {

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        String signature = new WebhookSigner("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theBackOffDoublesUpToTheCap() {
        WebhookSender sender = new WebhookSender(null, null, new WebhookSettings(URI.create("http://127.0.0.1:1/"), "s",
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30)), null,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), null);
        assertThat(sender.backOff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(sender.backOff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(sender.backOff(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(sender.backOff(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backOff(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
