package care.m2m.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.messages.Telemetry;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.validation.TelemetryValidator;
import care.m2m.sim.behaviour.Behaviours;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every message the load generator sends is valid telemetry of its model, stamped with the send time. */
class PayloadTemplatesTest {

    private static final ModelCatalog MODELS = DeviceModels.builtIn();

    @Test
    void stampedTemplatesAreContractValidTelemetryOfTheirModelAtTheStampedTime() {
        List<String> models = List.copyOf(Behaviours.SIMULATED);
        PayloadTemplates templates = new PayloadTemplates(MODELS, models, 7);
        long now = Instant.parse("2026-11-24T17:00:00.123Z").toEpochMilli();
        for (String model : models) {
            for (int device = 0; device < 40; device++) {
                byte[] payload = templates.of(model, device).stamped(now + device);

                Telemetry telemetry = MessageCodec.shared().decodeTelemetry(payload, Encoding.JSON);
                TelemetryValidator.check(MODELS.require(model), telemetry);
                assertThat(telemetry.timestamp().toEpochMilli()).isEqualTo(now + device);
                assertThat(telemetry.metrics()).hasSizeGreaterThanOrEqualTo(8);
            }
        }
    }
}
