package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.gateway.support.RunningGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Every denial, seen from a real browser: no session means the sign-in page, a wrong password, an unknown user
 * and a wrong code are refused, guessing is throttled, each role stays on its own pages, a customer never sees
 * another customer's device or a ticket, forms without the session's CSRF token are refused, and signing out
 * ends the session.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebAccessTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    private WebFixture web;
    private RunningGateway gateway;
    private Browser browser;
    private String token;
    private static final String MIA = "mia-secret-espresso";
    private static final String TOM = "tom-secret-tickets";
    private static final String OLGA = "olga-secret-fleet";

    @BeforeEach
    void start() {
        web = WebFixture.start(dataDir, profile, Map.of());
        gateway = web.gateway;
        browser = web.browser;
        gateway.register("espresso-mine", "coffee-espresso-x1");
        gateway.register("espresso-theirs", "coffee-espresso-x1");
        token = web.customerToken("cust-espresso-mine");
        assertThat(web.user("mia", MIA, "CUSTOMER", "cust-espresso-mine")).isEqualTo(201);
        assertThat(web.user("tom", TOM, "TECHNICIAN", null)).isEqualTo(201);
        assertThat(web.user("olga", OLGA, "OPERATOR", null)).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void withoutASessionThePagesSendYouToSignIn() {
        browser.open("/web/customer");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/login");
        browser.open("/web/operator");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/login");
        browser.screenshot("login");
    }

    @Test
    void aWrongCodeOrTheWrongRoleIsRefused() {
        assertRefused("customer", "not-a-token", "does not sign you in as a customer");
        assertRefused("customer", RunningGateway.ADMIN_TOKEN, "does not sign you in as a customer");
        assertRefused("operator", token, "does not sign you in as an operator");
        assertRefused("field_service", token, "does not sign you in as field service");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAlike() {
        assertPasswordRefused("mia", "mia-secret-wrong", "Wrong username or password.");
        assertPasswordRefused("nobody", MIA, "Wrong username or password.");
        assertPasswordRefused("tom", MIA, "Wrong username or password.");
        assertThat(browser.driver.manage().getCookieNamed(WebAuth.COOKIE)).isNull();
        browser.open("/web/customer");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/login");
    }

    @Test
    void guessingPasswordsIsThrottledEvenForTheRightOne() {
        for (int i = 0; i < 5; i++) {
            assertPasswordRefused("mia", "guess-number-" + i, "Wrong username or password.");
        }
        assertPasswordRefused("mia", MIA, "Too many wrong passwords");
        assertThat(browser.driver.manage().getCookieNamed(WebAuth.COOKIE)).isNull();
    }

    @Test
    void guessingCodesIsThrottled() {
        for (int i = 0; i < 5; i++) {
            assertRefused("customer", "guess-" + i, "does not sign you in as a customer");
        }
        assertRefused("customer", token, "Too many wrong codes");
    }

    @Test
    void aCustomerStaysOnTheirOwnPages() {
        browser.signInWithPassword("mia", MIA);
        Cookie session = browser.driver.manage().getCookieNamed(WebAuth.COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(browser.driver.findElement(By.id("devices")).getText()).contains("espresso-mine")
                .doesNotContain("espresso-theirs");

        browser.open("/web/operator");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        browser.open("/web/field");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        browser.open("/web/customer/devices/espresso-theirs");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Not your device");
        assertThat(status("GET", "/web/customer/devices/espresso-theirs/telemetry", null)).isEqualTo(404);
        for (String page : List.of("/web/field/tickets/any-ticket", "/web/field/queue")) {
            browser.open(page);
            assertThat(browser.visible(By.tagName("h1")).getText()).as(page).isEqualTo("Not for your role");
        }
    }

    @Test
    void anOperatorAndATechnicianStayOnTheirOwnPages() throws Exception {
        browser.signInWithPassword("olga", OLGA);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/operator");
        for (String page : List.of("/web/customer", "/web/customer/devices/espresso-mine", "/web/field")) {
            browser.open(page);
            assertThat(browser.visible(By.tagName("h1")).getText()).as(page).isEqualTo("Not for your role");
        }
        browser.signInWithPassword("tom", TOM);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/field");
        for (String page : List.of("/web/customer", "/web/customer/devices/espresso-mine", "/web/operator")) {
            browser.open(page);
            assertThat(browser.visible(By.tagName("h1")).getText()).as(page).isEqualTo("Not for your role");
        }
        browser.signIn("field_service", Files.readString(dataDir.resolve("field-service-token")).trim());
        assertThat(browser.driver.getCurrentUrl()).as("the access code still works").endsWith("/web/field");
        for (String page : List.of("/web/customer", "/web/operator")) {
            browser.open(page);
            assertThat(browser.visible(By.tagName("h1")).getText()).as(page).isEqualTo("Not for your role");
        }
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        browser.signInWithPassword("mia", MIA);
        String form = "channel=web&quietStart=00:00&quietEnd=00:00&timeZone=UTC&maxPerWeek=9";
        assertThat(status("POST", "/web/customer/preferences", form)).isEqualTo(403);
        assertThat(status("POST", "/web/customer/preferences", form + "&_csrf=forged")).isEqualTo(403);
        browser.open("/web/customer");
        assertThat(browser.driver.findElement(By.id("maxPerWeek")).getDomProperty("value")).isEqualTo("2");
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signInWithPassword("mia", MIA);
        browser.driver.findElement(By.cssSelector("header button[type=submit]")).click();
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/web/login"));
        browser.open("/web/customer");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/login");
    }

    private void assertRefused(String role, String code, String message) {
        browser.signIn(role, code);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/login");
        assertThat(browser.visible(By.cssSelector("[role=alert]")).getText()).contains(message);
    }

    private void assertPasswordRefused(String username, String password, String message) {
        browser.signInWithPassword(username, password);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/web/login");
        assertThat(browser.visible(By.cssSelector("[role=alert]")).getText()).contains(message);
    }

    private long status(String method, String path, String form) {
        Object status = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var init = { method: arguments[0], credentials: 'same-origin' };"
                + "if (arguments[2]) { init.body = arguments[2];"
                + " init.headers = { 'Content-Type': 'application/x-www-form-urlencoded' }; }"
                + "fetch(arguments[1], init).then(function (r) { done(r.status); });", method, path, form);
        return ((Number) status).longValue();
    }
}
