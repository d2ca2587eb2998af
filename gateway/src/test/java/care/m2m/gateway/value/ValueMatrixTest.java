package care.m2m.gateway.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.models.FaultSpec.Severity;
import care.m2m.gateway.customers.CustomerProfile;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.FaultSignal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented default matrix puts faults where the mission says they belong. */
class ValueMatrixTest {

    private static final Instant SUMMER = Instant.parse("2026-07-15T12:00:00Z");
    private static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");
    private final ValueMatrix matrix = ValueMatrix.load(Optional.empty());

    @Test
    void aMinorCoffeeFaultIsLowLowAndWaitsForAutomation() {
        ValueAssessment a = assess("coffee-espresso-x1", "E_GRINDER_JAM", Severity.MAJOR, plain(), null, SUMMER);
        assertThat(a.quadrant()).isEqualTo(Quadrant.A);
        assertThat(a.policy().ticketOnRaise()).isFalse();
        assertThat(a.priority()).isEqualTo(Priority.P4);
        assertThat(a.sla()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aHeatPumpFaultInWinterAtAVulnerableCustomerNeedsAPersonAtOnce() {
        CustomerProfile vulnerable = new CustomerProfile("c1", "residential", true, "phone", "north");
        ValueAssessment a = assess("heatpump-air-w9", "E_NO_HEAT", Severity.CRITICAL, vulnerable, null, WINTER);
        assertThat(a.quadrant()).isEqualTo(Quadrant.C);
        assertThat(a.policy().ticketOnRaise()).isTrue();
        assertThat(a.priority()).isEqualTo(Priority.P1);
        assertThat(a.reasons()).anyMatch(r -> r.contains("heating season")).anyMatch(r -> r.contains("vulnerable"));
    }

    @Test
    void theSameHeatPumpFaultInSummerWeighsMoneyOnly() {
        ValueAssessment a = assess("heatpump-air-w9", "E_NO_HEAT", Severity.CRITICAL, plain(), 22.0, SUMMER);
        assertThat(a.quadrant()).isEqualTo(Quadrant.B);
        assertThat(a.priority()).isEqualTo(Priority.P2);
    }

    @Test
    void coldOutsideCountsOutsideTheHeatingSeasonToo() {
        ValueAssessment a = assess("heatpump-air-w9", "E_NO_HEAT", Severity.CRITICAL, plain(), 2.0, SUMMER);
        assertThat(a.quadrant()).isEqualTo(Quadrant.C);
        assertThat(a.reasons()).anyMatch(r -> r.contains("2.0 °C outside"));
    }

    @Test
    void aSafetyFaultOfACheapProductIsLowMoneyHighEmotion() {
        ValueAssessment a = assess("coffee-espresso-x1", "E_BOILER_OVERHEAT", Severity.CRITICAL, plain(), null, SUMMER);
        assertThat(a.quadrant()).isEqualTo(Quadrant.D);
        assertThat(a.priority()).isEqualTo(Priority.P3);
    }

    @Test
    void aBusinessSegmentMultipliesTheCostOfDowntime() {
        CustomerProfile business = new CustomerProfile("c2", "business", false, "email", null);
        ValueAssessment a = assess("coffee-espresso-x1", "E_GRINDER_JAM", Severity.MAJOR, business, null, SUMMER);
        assertThat(a.monetary()).isGreaterThan(assess("coffee-espresso-x1", "E_GRINDER_JAM", Severity.MAJOR, plain(),
                null, SUMMER).monetary() * 2.9);
    }

    @Test
    void aMatrixWithoutPoliciesIsRefusedWithAMessageThatSaysWhatIsMissing() {
        assertThatThrownBy(() -> ValueMatrix.parse("{\"thresholds\":{\"monetary\":1,\"emotional\":1}}", "test.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.json").hasMessageContaining("sla");
    }

    @Test
    void aMatrixInTheModelsFolderReplacesTheDefaults(@TempDir Path modelsDir) throws Exception {
        String text = new String(ValueMatrix.class.getResourceAsStream(ValueMatrix.RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8).replace("\"monetary\": 200", "\"monetary\": 10");
        Files.writeString(modelsDir.resolve(ValueMatrix.FILE_NAME), text);
        ValueMatrix own = ValueMatrix.load(Optional.of(modelsDir));
        Fault fault = new Fault("f1", "d1", "coffee-espresso-x1", "E_GRINDER_JAM", Severity.MAJOR, Fault.Status.ACTIVE,
                FaultSignal.Source.DEVICE, null, SUMMER, SUMMER, null, 1, 0, false, Fault.Ladder.NEW, null);
        assertThat(own.assess(new ValueContext(fault, plain(), null, false, SUMMER)).quadrant()).isEqualTo(Quadrant.B);
    }

    @Test
    void aModelEntryWithAWrongWeightIsRefusedAtLoad() {
        String text = "{\"thresholds\":{\"monetary\":1,\"emotional\":1},\"sla\":{\"P1\":\"PT1H\",\"P2\":\"PT1H\","
                + "\"P3\":\"PT1H\",\"P4\":\"PT1H\"},\"policy\":{\"A\":{},\"B\":{},\"C\":{},\"D\":{}},"
                + "\"defaults\":{},\"models\":{\"m1\":{\"productValue\":\"a lot\"}}}";
        assertThatThrownBy(() -> ValueMatrix.parse(text, "v.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v.json").hasMessageContaining("productValue");
    }

    private static CustomerProfile plain() {
        return CustomerProfile.unknown("c0");
    }

    private ValueAssessment assess(String model, String code, Severity severity, CustomerProfile customer,
            Double outdoor, Instant now) {
        Fault fault = new Fault("f1", "d1", model, code, severity, Fault.Status.ACTIVE, FaultSignal.Source.DEVICE, null,
                now, now, null, 1, 0, false, Fault.Ladder.NEW, null);
        return matrix.assess(new ValueContext(fault, customer, outdoor, false, now));
    }
}
