package io.penguin.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

/**
 * A real headless browser for tests of pages that talk to the platform: open a page, run JavaScript in it (fill a
 * field, click), read the DOM, take a screenshot. Selenium's {@link ChromeDriver} drives Debian's chromium through
 * Debian's chromedriver (packages {@code chromium} and {@code chromium-driver}); both are found on the system, so
 * Selenium Manager never downloads anything. Scripts run as the DevTools protocol's {@code Runtime.evaluate} (through
 * chromedriver), so an expression may be several statements and its value is the last one's, and a page's
 * Content-Security-Policy does not stop the test from reading it.
 *
 * <p>Needs {@code org.seleniumhq.selenium:selenium-chrome-driver} and {@code selenium-support} on the test class
 * path (this module declares them optional, so the launcher does not carry them).
 */
public final class HeadlessBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessBrowser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Debian's chromium, if it and its chromedriver are installed (the browser tests need both; under CI they are
     * required, see {@link #required()}).
     */
    public static Optional<Path> chromium() {
        return chromedriver().isEmpty()
                ? Optional.empty()
                : firstExecutable("/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    /** Debian's chromedriver, if installed (package {@code chromium-driver}). */
    public static Optional<Path> chromedriver() {
        return firstExecutable("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Debian's chromium for a browser test: the test is skipped (aborted, as a JUnit assumption does) when chromium or
     * its chromedriver is missing, and fails instead when the browser checks are {@link #required()}.
     */
    public static Path chromiumForTest() {
        Optional<Path> chromium = chromium();
        if (chromium.isPresent()) {
            return chromium.get();
        }
        if (required()) {
            throw new AssertionError(
                    "chromium and its driver are required under CI (apt-get install -y chromium" + " chromium-driver)");
        }
        throw new TestAbortedException("chromium or chromium-driver not installed");
    }

    /** True when the environment demands the browser checks run (CI=true or -Dpenguin.requireChromium=true). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("penguin.requireChromium");
    }

    /** Starts chromedriver and a headless chromium with a fresh profile. */
    public static HeadlessBrowser start(Path chromium) throws IOException {
        Path driverBinary = chromedriver()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "chromedriver is missing: install Debian's chromium-driver (apt-get install -y chromium-driver)"));
        Path profile = Files.createTempDirectory("penguin-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--window-size=1440,1000",
                        "--user-data-dir=" + profile);
        try {
            return new HeadlessBrowser(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    /** Opens a page in a new tab and waits until it has loaded. */
    public Page open(String url) {
        driver.switchTo().newWindow(WindowType.TAB);
        Page page = new Page(driver.getWindowHandle());
        driver.get(url);
        page.waitFor("document.readyState === 'complete'");
        return page;
    }

    /** One tab. */
    public final class Page {

        private final String handle;

        private Page(String handle) {
            this.handle = handle;
        }

        /** Runs JavaScript in the page and returns the value of its last statement (JSON), failing on an exception. */
        public JsonNode evaluate(String script) {
            driver.switchTo().window(handle);
            Map<String, Object> result =
                    driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", script, "returnByValue", true));
            if (result.containsKey("exceptionDetails")) {
                throw new AssertionError("page script failed: " + JSON.valueToTree(result.get("exceptionDetails")));
            }
            return JSON.valueToTree(result.get("result")).path("value");
        }

        /** Waits until a JavaScript expression is true in the page (polled every 50 ms, up to 60 s). */
        public void waitFor(String condition) {
            try {
                new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
                        .until(ignored -> evaluate("Boolean(" + condition + ")").asBoolean());
            } catch (TimeoutException e) {
                throw new AssertionError("the page never satisfied: " + condition, e);
            }
        }

        /** Writes a PNG of the tab's viewport (1440 x 1000). */
        public Path screenshot(Path file) {
            driver.switchTo().window(handle);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the screenshot " + file, e);
            }
        }

        /** Writes a PNG of the page as a window of this size shows it. */
        public Path screenshot(Path file, int width, int height) {
            driver.switchTo().window(handle);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
            return screenshot(file);
        }
    }

    /** Quits chromium (and its helper processes) and chromedriver, then deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    /** Deletes a folder, tolerating files that chromium's last writes make vanish or appear mid-walk. */
    private static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
                for (Path path : paths) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                // a file vanished or appeared while walking: walk again
            }
        }
    }
}
