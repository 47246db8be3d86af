package dev.assay.server.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven over
 * WebDriver. A test that needs it is skipped, with the paths it looked at and the package names to
 * install, when either program is absent ({@code ASSAY_CHROMIUM} and {@code ASSAY_CHROMEDRIVER} override
 * the paths). Start one per test class: a browser takes about a second to start.
 */
final class Browser implements AutoCloseable {
    /** The longest any test waits for the page; failures show up as a timeout, never as a hang. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(25);

    /**
     * Selenium looks for a DevTools binding matching the browser's version and warns when there is none;
     * the tests use WebDriver only. Held here so the configured logger is not collected.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts headless Chromium, or skips the calling test when it is not installed. */
    static Browser start() {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        Path chromium = program("ASSAY_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = program("ASSAY_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withTimeout(WAIT)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(chromium.toString()));
        options.addArguments(
                "--headless=new",
                // Containers and CI runners usually run as root, where Chromium's sandbox cannot start.
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1024",
                "--no-first-run",
                "--no-default-browser-check",
                // Tests talk to loopback only: no update checks, sync, translation or other background traffic.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-sync",
                "--disable-features=Translate,OptimizationHints,MediaRouter");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver);
    }

    private static Path program(String variable, String fallback) {
        Path path = Path.of(Objects.requireNonNullElse(System.getenv(variable), fallback));
        Assumptions.assumeTrue(
                Files.isExecutable(path),
                path + " not found (set " + variable + ", or install Debian's chromium and chromium-driver: "
                        + "apt-get install -y --no-install-recommends chromium chromium-driver); skipping");
        return path;
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads a page afresh, even when only the fragment differs from the current address. */
    void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        // Poll often: the default half second would dominate the run time of a page that renders in 20 ms.
        return new WebDriverWait(driver, WAIT, POLL).until(condition);
    }

    /** Waits until the dashboard shows a page of this route ({@code overview}, {@code version}, {@code key}...). */
    void waitForPage(String route) {
        waitUntil(browser -> {
            String state = attribute("body", "data-state");
            String current = attribute("body", "data-route");
            return route.equals(current) && ("ready".equals(state) || "key".equals(state) || "error".equals(state));
        });
    }

    WebElement find(String css) {
        return waitUntil(browser -> {
            List<WebElement> found = browser.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String attribute(String css, String name) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst().getDomAttribute(name);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Console messages at level SEVERE since the last call: script errors, CSP violations, failed loads. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
