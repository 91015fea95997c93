package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.fail;

import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.user.NewUser;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.user.UserService;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application on a random port with a temporary H2 file, driven by Debian's Chromium headless
 * (one browser per test class). Nothing is downloaded: the browser and its driver are the system's,
 * and Selenium Manager never runs. Without a Chromium the tests are skipped, except on CI, where a
 * missing browser fails the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final String ADMIN_PASSWORD = "browser-tests-root-passw0rd";
    static final String SUPERVISOR = "duty.supervisor";
    static final String TRAINER = "training.dept";
    static final String PASSWORD = "a-long-enough-password";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    ChromeDriver browser;
    WebDriverWait wait;
    private Path profile;
    /** Every URL the browser requested since the class started (from the performance log). */
    final List<String> requested = new ArrayList<>();

    /** Called once for each context the subclasses start: each gets a database file of its own. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path data = temporaryFolder();
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + data.resolve("advisor").toAbsolutePath());
        registry.add("advisor.security.bootstrap-admin-password", () -> ADMIN_PASSWORD);
    }

    @BeforeAll
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "no Chromium at " + CHROMIUM + " with its driver at " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("browser tests need Chromium on CI: " + message);
            }
            Assumptions.abort("browser tests skipped: " + message);
        }
        ensureUser(SUPERVISOR, Role.SUPERVISOR);
        ensureUser(TRAINER, Role.TRAINER);
        // the driver is given explicitly, so Selenium Manager has nothing to find
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("advisor-chrome-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,900",
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL); // the console: Content-Security-Policy violations show there
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a))
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String origin() {
        return "localhost:" + port;
    }

    void open(String path) {
        browser.get(url(path));
    }

    void logIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Screenshots of the current page at desktop (1280) and phone (390) width, the whole page long. */
    void screenshots(String name) {
        shoot(name + "-desktop", 1280, false);
        shoot(name + "-phone", 390, true);
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void shoot(String name, int width, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", mobile));
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        width,
                        "height",
                        Math.min(Math.max(height.intValue(), 600), 6000),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        mobile));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drains the performance log into {@link #requested}. */
    List<String> recordRequests() {
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString("");
            if (method.equals("Network.requestWillBeSent")) {
                requested.add(message.path("params").path("request").path("url").asString(""));
            }
        }
        return requested;
    }

    private void ensureUser(String username, Role role) {
        try {
            users.create(new NewUser(username, PASSWORD, Set.of(role)), "browser-test");
        } catch (ApiProblemException exists) {
            // the context (and its database) is shared by the browser test classes that add no configuration
        }
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("advisor-web-test-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
