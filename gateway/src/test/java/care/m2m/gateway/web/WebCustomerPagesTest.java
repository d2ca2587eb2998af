package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A customer in a real browser: signs in with their username and password, sees their product, gets a tip live when the
 * product reports an empty water tank, marks it done (and the API says the same), saves preferences, reads
 * the device's timeline and chart, and can do all of it on a phone-sized screen.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebCustomerPagesTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    private WebFixture web;
    private RunningGateway gateway;
    private Browser browser;
    private DeviceCredentials creds;
    private String token;
    private static final String PASSWORD = "anna-espresso-2026";

    @BeforeEach
    void start() {
        web = WebFixture.start(dataDir, profile, Map.of());
        gateway = web.gateway;
        browser = web.browser;
        creds = gateway.register("espresso-web-1", "coffee-espresso-x1");
        token = web.customerToken("cust-espresso-web-1");
        assertThat(web.user("anna", PASSWORD, "CUSTOMER", "cust-espresso-web-1")).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void aCustomerSeesTheirDeviceGetsATipLiveAndMarksItDone() throws Exception {
        browser.signInWithPassword("anna", PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/customer").doesNotContain(PASSWORD);
        assertThat(browser.visible(By.cssSelector("#devices [data-device='espresso-web-1']")).getText())
                .contains("espresso-web-1", "coffee-espresso-x1", "Offline");

        savePreferences("00:00", "00:00", "5");
        assertThat(browser.visible(By.cssSelector("#preferences [role=status]")).getText()).isEqualTo("Preferences saved.");
        JsonObject prefs = new JsonObject(customerGet("/api/v1/customer/preferences"));
        assertThat(prefs.getString("quietStart")).isEqualTo("00:00");
        assertThat(prefs.getInteger("maxPerWeek")).isEqualTo(5);

        browser.wait.until(d -> "on".equals(browser.script("return document.body.getAttribute('data-live');")));
        browser.script("window.notReloaded = true;");
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            long now = Instant.now().toEpochMilli();
            for (int i = 12; i >= 1; i--) {
                device.publish(MessageType.TELEMETRY, "{\"v\":1,\"ts\":" + (now - i * 60_000L) + ",\"metrics\":"
                        + "{\"boiler_temp_c\":" + (88 + i % 5) + ",\"water_tank_ml\":" + (i * 90) + ",\"power_w\":" + (30 + i) + "}}");
            }
            device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");

            String tipText = browser.visible(By.cssSelector("#tips li.tip")).getText();
            assertThat(tipText).contains("Refill the water tank").contains("Done", "Not relevant", "Remind me later");
            assertThat(browser.script("return window.notReloaded === true;")).as("the tip arrived without a reload")
                    .isEqualTo(true);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#devices [data-device='espresso-web-1']"), "Online"));
            browser.screenshot("customer-tip-live");

            String tipId = browser.driver.findElement(By.cssSelector("#tips li.tip")).getAttribute("data-tip");
            browser.driver.findElement(By.cssSelector("#tips li.tip button[value=done]")).click();
            browser.visible(By.cssSelector("#tips .finished li[data-tip='" + tipId + "'][data-state=done]"));
            assertThat(browser.driver.findElements(By.cssSelector("#tips li.tip"))).isEmpty();
            assertThat(new JsonObject(customerGet("/api/v1/customer/tips")).getJsonArray("tips").getJsonObject(0)
                    .getString("state")).isEqualTo("done");
            browser.screenshot("customer-tip-done");
        }

        browser.driver.findElement(By.linkText("espresso-web-1")).click();
        browser.wait.until(d -> browser.script("return document.getElementById('chart').getAttribute('data-points');") != null);
        assertThat(browser.script("return document.getElementById('chart').getAttribute('data-points');"))
                .as("the chart got its data").isNotEqualTo("error").isNotEqualTo("0");
        assertThat(browser.visible(By.id("timeline")).getText()).contains("Problem detected", "E_WATER_TANK_EMPTY", "Tip");
        browser.screenshot("customer-device");
    }

    @Test
    void onAPhoneThePagesFitTheScreen() {
        browser.phoneSized();
        browser.signInWithPassword("anna", PASSWORD);
        browser.visible(By.cssSelector("#devices [data-device='espresso-web-1']"));
        assertThat(browser.scrollsSideways()).as("the customer page scrolls sideways on a 390 px screen").isFalse();
        browser.screenshot("customer-phone");
        browser.open("/web/customer/devices/espresso-web-1");
        browser.visible(By.id("timeline-title"));
        assertThat(browser.scrollsSideways()).as("the device page scrolls sideways on a 390 px screen").isFalse();
        browser.screenshot("device-phone");
    }

    @Test
    void aMistakeInThePreferencesIsShownAndNothingIsSaved() {
        browser.signInWithPassword("anna", PASSWORD);
        savePreferences("00:00", "00:00", "51");
        assertThat(browser.visible(By.cssSelector("#preferences [role=alert]")).getText())
                .contains("Tips per week", "expected 0 to 50");
        assertThat(new JsonObject(customerGet("/api/v1/customer/preferences")).getInteger("maxPerWeek")).isEqualTo(2);
    }

    private void savePreferences(String quietStart, String quietEnd, String maxPerWeek) {
        browser.script("document.getElementById('quietStart').value = arguments[0];"
                + "document.getElementById('quietEnd').value = arguments[1];"
                + "var max = document.getElementById('maxPerWeek'); max.removeAttribute('max'); max.value = arguments[2];",
                quietStart, quietEnd, maxPerWeek);
        browser.driver.findElement(By.cssSelector("#preferences button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preferences .card")));
    }

    private String customerGet(String path) {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build()).body();
    }
}
