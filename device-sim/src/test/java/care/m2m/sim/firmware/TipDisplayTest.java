package care.m2m.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.messages.TipFeedback;
import care.m2m.contracts.messages.TipState;
import care.m2m.contracts.messages.TipStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The display follows the tip's state from every channel, and tells the gateway what the customer did on it. */
class TipDisplayTest {

    private static final Tip DESCALE = new Tip("tip-1", FirmwareHarness.START, "self_service", "Descale", "Run descaling");

    @Test
    void aTipDismissedElsewhereLeavesTheDisplayAndAReadOneStays() {
        FirmwareHarness h = new FirmwareHarness("coffee-espresso-x1", 1.0);
        h.firmware.onTip(DESCALE);
        h.firmware.onTip(new Tip("tip-2", FirmwareHarness.START, "usage", "Eco", "Use eco"));

        h.firmware.onTipState(new TipState("tip-2", FirmwareHarness.START, TipStatus.READ));
        h.firmware.onTipState(new TipState("tip-1", FirmwareHarness.START, TipStatus.DISMISSED));

        assertThat(h.firmware.shownTips()).containsExactly("tip-2");
        assertThat(h.sent).as("a state from the gateway is not echoed back").isEmpty();
    }

    @Test
    void whatTheCustomerDoesOnTheDeviceGoesUpAsTipFeedback() {
        FirmwareHarness h = new FirmwareHarness("coffee-espresso-x1", 1.0);
        h.firmware.onTip(DESCALE);

        h.firmware.customerMarks("tip-1", TipStatus.DONE);
        h.firmware.customerMarks("tip-unknown", TipStatus.DONE);

        assertThat(h.firmware.shownTips()).isEmpty();
        assertThat(h.sent).singleElement().isInstanceOfSatisfying(TipFeedback.class, f -> {
            assertThat(f.id()).isEqualTo("tip-1");
            assertThat(f.state()).isEqualTo(TipStatus.DONE);
        });
    }

    @Test
    void aCustomerWhoFollowsATipMarksItDone() {
        FirmwareHarness h = new FirmwareHarness("heatpump-air-w9", 1, new FirmwareSettings(1, 0, Duration.ofSeconds(5), 1, 0.2));
        h.firmware.onTip(new Tip("tip-3", FirmwareHarness.START, "usage", "Lower the setpoint", "One degree less"));

        assertThat(h.sent).singleElement().isInstanceOfSatisfying(TipFeedback.class,
                f -> assertThat(f.state()).isEqualTo(TipStatus.DONE));
    }
}
