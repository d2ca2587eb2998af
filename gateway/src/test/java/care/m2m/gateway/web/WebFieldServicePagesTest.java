package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.support.Mqtt5Device;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
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
import org.openqa.selenium.support.ui.Select;

/**
 * A technician in a real browser, signed in with a password (the pages call the ticket API with the
 * field-service token on the server): the ticket a fault opened shows up in the queue (and disappears under a
 * filter that excludes it), its detail shows device, fault and what self-repair did, and they move it on and
 * record the outcome, which the ticket API then reports too.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebFieldServicePagesTest {

    private static final String FIELD_TOKEN = "test-field-service-token";
    private static final String PASSWORD = "tom-fixes-things-1";

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    private WebFixture web;
    private RunningGateway gateway;
    private Browser browser;
    private DeviceCredentials creds;

    @BeforeEach
    void start() {
        web = WebFixture.start(dataDir, profile, Map.of("M2MCARE_FIELD_SERVICE_TOKEN", FIELD_TOKEN));
        gateway = web.gateway;
        browser = web.browser;
        creds = gateway.register("espresso-field-1", "coffee-espresso-x1");
        assertThat(web.user("tom", PASSWORD, "TECHNICIAN", null)).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void aTechnicianWorksATicketFromTheQueueToItsOutcome() throws Exception {
        try (Mqtt5Device device = Mqtt5Device.connect(gateway.mqttUrl(), creds.id(), creds.secret())) {
            device.publish(MessageType.TELEMETRY, "{\"v\":1,\"metrics\":{\"boiler_temp_c\":92,\"water_tank_ml\":40}}");
            device.publish(MessageType.EVENTS, "{\"v\":1,\"kind\":\"error\",\"code\":\"E_WATER_TANK_EMPTY\"}");
        }
        browser.signInWithPassword("tom", PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/field");
        browser.wait.until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#queue li.ticket")).isEmpty();
        });
        assertThat(browser.driver.findElement(By.cssSelector("#queue li.ticket")).getText())
                .contains("E_WATER_TANK_EMPTY", "espresso-field-1");
        browser.screenshot("field-queue");

        new Select(browser.driver.findElement(By.id("status"))).selectByValue("CLOSED");
        browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "No tickets match."));
        new Select(browser.driver.findElement(By.id("status"))).selectByValue("OPEN");
        browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();

        browser.visible(By.cssSelector("#queue li.ticket h3 a")).click();
        assertThat(browser.visible(By.id("faults-title")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("E_WATER_TANK_EMPTY", "espresso-field-1", "Contact preference");
        browser.screenshot("field-ticket");

        browser.driver.findElement(By.cssSelector("button[name=to][value=IN_PROGRESS]")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("ticket-status"), "In progress"));
        new Select(browser.driver.findElement(By.id("outcome-select"))).selectByValue("FIXED_ON_SITE");
        browser.driver.findElement(By.id("note")).sendKeys("Tank seal replaced <b>now</b>");
        browser.driver.findElement(By.cssSelector("button.primary")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Tank seal replaced <b>now</b>");
        browser.screenshot("field-ticket-done");

        JsonArray tickets = new JsonObject(gateway.send(HttpRequest.newBuilder(URI.create(gateway.httpUrl()
                + "/api/v1/tickets")).header("Authorization", "Bearer " + FIELD_TOKEN).GET().build()).body())
                .getJsonArray("tickets");
        assertThat(tickets.getJsonObject(0).getString("outcome")).isEqualTo("FIXED_ON_SITE");

        browser.phoneSized();
        browser.open("/web/field");
        browser.visible(By.id("queue"));
        assertThat(browser.scrollsSideways()).as("the queue scrolls sideways on a 390 px screen").isFalse();
        browser.screenshot("field-queue-phone");
    }
}
