package care.m2m.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both binaries are named explicitly so
 * Selenium Manager never tries to download a browser. A missing browser fails the test with the fix.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;

    Browser(String baseUrl, Path profileDir) {
        assertThat(CHROMIUM).as("the browser tests need Debian's chromium at %s: run scripts/install-test-servers.sh"
                + " (apt-get install chromium chromium-driver)", CHROMIUM).isExecutable();
        assertThat(CHROMEDRIVER).as("the browser tests need Debian's chromedriver at %s: run"
                + " scripts/install-test-servers.sh (apt-get install chromium-driver)", CHROMEDRIVER).isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = baseUrl;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in with an access code (the second option of the sign-in page). */
    void signIn(String role, String token) {
        open("/web/login");
        driver.findElement(By.cssSelector("#token-form input[name=role][value=" + role + "]")).click();
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        awaitSignInAnswer();
    }

    /** Signs in with a username and password, as people do. */
    void signInWithPassword(String username, String password) {
        open("/web/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        awaitSignInAnswer();
    }

    private void awaitSignInAnswer() {
        wait.until(ExpectedConditions.or(ExpectedConditions.not(ExpectedConditions.urlContains("/web/login")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]"))));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void phoneSized() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void desktopSized() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Whether the page is wider than the window (a phone user would have to scroll sideways). */
    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /** A full-height screenshot of the current page into target/web-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            script("window.scrollTo(0, 0);");
            Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<?, ?> size = (Map<?, ?>) layout.get("cssContentSize");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                            "width", ((Number) size.get("width")).doubleValue(),
                            "height", Math.min(6000, ((Number) size.get("height")).doubleValue()))));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
