package dev.atrium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests, driven through the machine's own chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}). Where they are missing the browser tests are skipped, unless
 * {@code -Datrium.browser-tests=required} (as CI sets it) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("atrium.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("atrium.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser, 1280 px wide (or as wide as a phone, with {@code phone}). */
    public static Browser open(boolean phone) {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("required".equals(System.getProperty("atrium.browser-tests"))) {
            if (!available) {
                throw new IllegalStateException("Browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing (apt-get install chromium chromium-driver)");
            }
        } else {
            Assumptions.assumeTrue(available, "Chromium and chromedriver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                phone ? "--window-size=390,844" : "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // How long a look-up waits for an element to appear; it returns as soon as it does, so a generous wait costs
        // nothing on a quiet machine and spares a busy one a spurious failure.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
        if (phone) {
            driver.manage().window().setSize(new Dimension(390, 844));
        }
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the page shows to {@code target/screenshots/<name>.png}, for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = directory.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
