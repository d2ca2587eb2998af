package care.m2m.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.codec.Encoding;
import care.m2m.sim.run.RunSettings;
import care.m2m.sim.transport.Protocol;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CoAP options: each protocol has its own default URL, CBOR is CoAP's default encoding, JSON stays MQTT's. */
class SimCommandCoapTest {

    private static RunSettings settings(Map<String, String> environment, String... args) {
        CommandLine commandLine = SimCommand.commandLine(environment);
        commandLine.parseArgs(args);
        return commandLine.<SimCommand>getCommand().runSettings();
    }

    @Test
    void coapDefaultsToThePlainPortAndCbor() {
        RunSettings settings = settings(Map.of(), "--protocol", "coap");

        assertThat(settings.protocol()).isEqualTo(Protocol.COAP);
        assertThat(settings.mqttUrl()).isEqualTo("coap://127.0.0.1:5683");
        assertThat(settings.encoding()).isEqualTo(Encoding.CBOR);
    }

    @Test
    void coapsDefaultsToTheDtlsPortAndTakesJsonWhenAsked() {
        RunSettings settings = settings(Map.of(), "--protocol", "coaps", "--encoding", "json");

        assertThat(settings.mqttUrl()).isEqualTo("coaps://127.0.0.1:5684");
        assertThat(settings.encoding()).isEqualTo(Encoding.JSON);
    }

    @Test
    void theCoapUrlComesFromTheOptionOrTheEnvironment() {
        assertThat(settings(Map.of(), "--protocol", "coap", "--coap-url", "coap://10.0.0.7:6000").mqttUrl())
                .isEqualTo("coap://10.0.0.7:6000");
        assertThat(settings(Map.of("M2MCARE_SIM_COAP_URL", "coaps://gw:5684"), "--protocol", "coaps").mqttUrl())
                .isEqualTo("coaps://gw:5684");
    }

    @Test
    void aUrlOfTheWrongSchemeIsRefused() {
        assertThatThrownBy(() -> settings(Map.of(), "--protocol", "coaps", "--coap-url", "coap://127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coaps://");
    }
}
