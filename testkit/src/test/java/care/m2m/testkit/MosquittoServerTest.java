package care.m2m.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MosquittoServerTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final MosquittoServer mosquitto = MosquittoServer.shared();

    @Test
    void deliversAMessageFromMosquittoPubToMosquittoSub() {
        publishRetained("testkit/roundtrip", "hello from mosquitto_pub");

        assertThat(receiveOne("testkit/roundtrip")).isEqualTo("hello from mosquitto_pub");
    }

    @Test
    void acceptsClientsAgainAfterARestartOnTheSamePort() {
        int port = mosquitto.port();

        mosquitto.stop();
        mosquitto.start();

        assertThat(mosquitto.port()).isEqualTo(port);
        publishRetained("testkit/after-restart", "still here");
        assertThat(receiveOne("testkit/after-restart")).isEqualTo("still here");
    }

    /** Retained, so that the subscriber started afterwards gets it without racing the publisher. */
    private void publishRetained(String topic, String message) {
        Commands.check(List.of(Executables.find("mosquitto_pub", "mosquitto-clients").toString(),
                "-h", mosquitto.host(), "-p", String.valueOf(mosquitto.port()), "-V", "mqttv5", "-q", "1", "-r",
                "-t", topic, "-m", message), null, CLIENT_TIMEOUT);
    }

    private String receiveOne(String topic) {
        return Commands.check(List.of(Executables.find("mosquitto_sub", "mosquitto-clients").toString(),
                "-h", mosquitto.host(), "-p", String.valueOf(mosquitto.port()), "-V", "mqttv5", "-q", "1",
                "-t", topic, "-C", "1", "-W", "20"), null, CLIENT_TIMEOUT).strip();
    }
}
