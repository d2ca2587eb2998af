package care.m2m.sim.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CoAP response codes share the rejection counter with MQTT reason codes and read the way CoAP writes them. */
class CoapReasonCodesTest {

    @Test
    void coapCodesAreNamedInDottedForm() {
        assertThat(ReasonCodes.describe(ReasonCodes.coap(0x80))).isEqualTo("4.00 bad request");
        assertThat(ReasonCodes.describe(ReasonCodes.coap(0x81))).isEqualTo("4.01 unauthorized");
        assertThat(ReasonCodes.describe(ReasonCodes.coap(0x8D))).isEqualTo("4.13 request entity too large");
        assertThat(ReasonCodes.describe(ReasonCodes.coap(0xA3))).isEqualTo("5.03 service unavailable");
    }

    @Test
    void clientAndServerErrorsAreFailuresAndSuccessIsNot() {
        assertThat(ReasonCodes.isFailure(ReasonCodes.coap(0x80))).isTrue();
        assertThat(ReasonCodes.isFailure(ReasonCodes.coap(0xA0))).isTrue();
        assertThat(ReasonCodes.isFailure(ReasonCodes.coap(0x44))).isFalse();
        assertThat(ReasonCodes.describe(0x87)).isEqualTo("0x87 not authorized");
    }
}
