package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator in a real browser: the fleet overview shows devices online, the ingest, faults by code and the
 * tickets they led to, and keeps itself current without a reload, on a desktop and on a phone.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebOperatorPagesTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    private WebFixture web;
    private RunningGateway gateway;
    private Browser browser;
    private DeviceCredentials creds;
    private static final String PASSWORD = "olga-watches-fleet";

    @BeforeEach
    void start() {
        web = WebFixture.start(dataDir, profile, Map.of());
        gateway = web.gateway;
        browser = web.browser;
        creds = gateway.register("espresso-ops-1", "coffee-espresso-x1");
        assertThat(web.user("olga", PASSWORD, "OPERATOR", null)).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void theFleetOverviewShowsTheLiveNumbers() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            for (int i = 0; i < 5; i++) {
                device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":9" + i + "}}");
            }
            device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");

            browser.signInWithPassword("olga", PASSWORD);
            assertThat(browser.driver.getCurrentUrl()).endsWith("/web/operator");
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Fleet overview");
            browser.wait.until(ExpectedConditions.textToBe(By.id("online"), "1"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("faults"), "E_WATER_TANK_EMPTY"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tickets"), "Quadrant"));
            assertThat(browser.driver.findElement(By.id("fleet")).getText()).contains("5 accepted since start");
            assertThat(browser.driver.findElement(By.id("tip-effects")).getText())
                    .contains("Does each kind of tip work?", "no advisor tips yet");
            browser.script("window.notReloaded = true;");

            device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":95}}");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fleet"), "6 accepted since start"));
            assertThat(browser.script("return window.notReloaded === true;")).as("refreshed without a reload").isEqualTo(true);
            assertThat(Double.parseDouble(browser.driver.findElement(By.id("ingest-rate")).getText())).isNotNegative();
            browser.screenshot("operator");

            browser.phoneSized();
            browser.open("/web/operator");
            browser.visible(By.id("online"));
            assertThat(browser.scrollsSideways()).as("the operator page scrolls sideways on a 390 px screen").isFalse();
            browser.screenshot("operator-phone");
        }
    }
}
